#pragma once
// /errors: errors.spec.js's view, failing as its query asks, and the child view it renders with
// `?child` (or `?connected-child-mount-raise=N|link`) that fails its connected mount as the
// parent tells it.

#include <liveview/live_view.h>

namespace conformance {

// `dead-mount=raise` fails every mount (the page answers 500); `connected-mount=raise` fails
// once the socket joins (the join fails, the client reloads); "boom" crashes it. With a child:
// the child asks in its connected mount how to go on, and is told to fail (linked to this view
// with `link`) as many times as the query says.
class ErrorLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    QVariant handleCall(const QVariant &request) override;
    liveview::Template render() const override;

private:
    bool m_raiseWhenConnected = false;
    bool m_link = false; // tell the child to link itself to this view
    int m_wantFails = 0; // connected child mounts to fail
    int m_haveFails = 0; // ... failed so far
};

// Rendered by ErrorLive: asks its parent in its connected mount (upstream's send + receive of
// {:child_mounted, pid}), then fails, links or goes on as told; "boom" crashes it.
class ErrorChildLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

void registerErrorLives();

} // namespace conformance
