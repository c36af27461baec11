#pragma once
// Issue regressions of the suite (/issues/<number>), batch A: 3194, 3319, 3391, 3647, 3651 and
// 3686. The number is the Phoenix LiveView issue whose spec drives the fixture.

#include <liveview/live_view.h>

namespace conformance {

// A blur-debounced input whose form's submit navigates to another view of the live session.
class Issue3194Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Where /issues/3194 navigates to.
class Issue3194OtherLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// A required live file input with two entries, uploaded and consumed on submit.
class Issue3319Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// An auto upload refused for its type: the submit is cancelled, the entry can be cancelled and a
// valid file is then uploaded (consumed from the progress callback) and submitted.
class Issue3391Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A hook uploads to a file input bound to another form (form="auto-form") and changes a text
// input of the form around it right afterwards; auto-uploaded files are consumed on progress.
class Issue3647Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A hooked element whose id changes right after the join, inside a hooked element that pushes
// an event when mounted; every pushed "myevent" makes the hook ask for one "reload".
class Issue3651Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleInfo(const QVariant &message) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// The flash shown as Elixir inspects it, put before a live navigation (A -> B), a full redirect
// (B -> C) and a live navigation out of the live session (C -> A, which the client turns into a
// page load).
class Issue3686Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

protected:
    enum class Leave
    {
        Navigate,
        Redirect
    };
    Issue3686Live(const char *name, const char *next, const char *to, Leave leave);

private:
    QString m_name;
    QString m_next;
    QString m_to;
    Leave m_leave;
};

class Issue3686ALive : public Issue3686Live
{
public:
    Issue3686ALive();
};

class Issue3686BLive : public Issue3686Live
{
public:
    Issue3686BLive();
};

class Issue3686CLive : public Issue3686Live
{
public:
    Issue3686CLive();
};

} // namespace conformance
