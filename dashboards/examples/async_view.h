#pragma once
// Example: assignAsync work on the thread pool with loading / ok / failed states.

#include <liveview/live_view.h>

namespace livedeck::examples {

class AsyncView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void computePrimesBelow(int limit);
    int m_limit = 200000;
};

} // namespace livedeck::examples
