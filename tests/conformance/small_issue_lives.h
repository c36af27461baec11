#pragma once
// Small fixtures of the suite's issue regressions (/issues/<number>), one view each: the number
// is the Phoenix LiveView issue whose spec drives it.

#include <liveview/live_view.h>

namespace conformance {

// Navigate remounts, patch does not, back/forward tell them apart (replaceRootHistory).
class Issue3529Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

// A redirect from handleParams during a live patch.
class Issue4094Live : public liveview::LiveView
{
public:
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

// `_target` of a change event as a list of path segments, shown as Elixir's inspect does.
class Issue3719Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Form recovery of a form without fields; an event pushed right after reconnecting.
class Issue3819Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// phx-trigger-action submits the form natively, with the button that submitted it.
class Issue3814Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A focused select keeps its value while the button next to it is patched.
class Issue3107Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A debounced input outside its form (form="my-form").
class Issue4102Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// An attribute going back to its default is sent as changed.
class Issue3919Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// assign_async whose result replaces the loading state in a pushed diff.
class Issue3931Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    liveview::Template render() const override;
};

// A hook that sets the element's id to the id it already has keeps the element.
class Issue4325Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// <.focus_wrap> entered with Tab from outside focuses its first element.
class Issue3636Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// phx-remove transitions of stream items, on delete and when navigation replaces the view.
class Issue3199Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3199AwayLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// Elixir's inspect of a list of strings: ["foo", "bar"].
QString inspectStringList(const QStringList &list);
// A form field name as Phoenix splits `_target`: "foo[bar]" -> ["foo", "bar"].
QStringList fieldPath(const QString &name);

} // namespace conformance
