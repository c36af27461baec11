#pragma once
// Example: a stream of rows; the server sends each row once and keeps none of them.

#include <liveview/live_view.h>

namespace livedeck::examples {

class StreamView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    QVariantMap newRow();
    int m_nextId = 1;
};

} // namespace livedeck::examples
