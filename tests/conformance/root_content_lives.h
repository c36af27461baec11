#pragma once
// Fixtures of the issues 4147 and 4212, whose views put markup into the root layout outside their
// container (the `render_in_root` assign: a liveview::SafeHtml the first HTTP render's layout
// writes at the start of <body>), and of issue 2965 (uploads queued by a hook through a custom
// upload writer). 4147's colocated hook is assets/colocated/issue_4147.js.

#include <liveview/live_view.h>

namespace conformance {

// A hooked element outside the live view (in the root layout): its hook is mounted once, and not
// again when the socket reconnects.
class Issue4147Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

// stream_insert at index 1 among custom elements whose lifecycle callbacks a script in the root
// layout logs: the client moves the inserted element into place atomically (moveBefore).
class Issue4212Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Many files uploaded a few at a time: a hook hands them to a hidden auto-upload input in batches,
// each finished entry (its bytes taken by a slow no-op writer) asks the hook for the next file.
class Issue2965Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
