#pragma once
// /form: the suite's form fixture (recovery on reconnect, readonly/disabled restore,
// phx-disable-with, phx-auto-recover, unused-field tracking), as a view or inside a live
// component, optionally teleported into <body> through a portal.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// The form's attributes and field values from the page's query plus what events merged in.
struct FormParams
{
    static QVariantMap defaults(const QVariantMap &query);
    static QVariantMap merged(const QVariantMap &params, const QVariantMap &event);
    // The flat map the e2e_form component reads (dashes are not valid in member names).
    static QVariantMap forTemplate(const QVariantMap &params);
};

class FormLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void setParams(const QVariantMap &params);
};

// /form/nested: the same form view rendered as a child view, its session holding the page's query
// (a nested view has no params of its own).
class NestedFormLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

class FormComponent : public liveview::LiveComponent
{
public:
    void mount() override;
    void update(const QVariantHash &attributes) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void setParams(const QVariantMap &params);
};

} // namespace conformance
