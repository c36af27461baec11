#pragma once
// Work on the thread pool with assignAsync: a result, a run superseded by a larger one, a failure.

#include <liveview/live_view.h>

namespace testviews {

class AsyncView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void sumSquaresBelow(int limit);
    int m_limit = 200000;
};

} // namespace testviews
