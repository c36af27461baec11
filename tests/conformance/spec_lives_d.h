#pragma once
// Fixtures of whole spec files: select.spec.js (/select), form-unsaved.spec.js (/form-unsaved),
// the dynamic inputs and phx-feedback-for tests of forms.spec.js (/form/dynamic-inputs,
// /form/feedback), components.spec.js (/components) and the stream rendered inside a
// comprehension of streams.spec.js (/stream/inside-for).

#include <liveview/live_view.h>

namespace conformance {

// The function component of /form/dynamic-inputs (one entry of its inputs_for); call once at
// startup, before views render.
void registerSpecLivesDComponents();

// Four selects of one form: error classes after validation (select3 must be above 5), and
// timers that patch the page, change select2's options or select4's value while a select is open.
class SelectLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    void showFields();
    void after(int ms, const QVariant &message) const;
};

// A form whose unsaved state (data-dirty) lets the page's script cancel live navigation and
// unloading.
class FormUnsavedLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class FormUnsavedTargetLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// Inputs added and removed through the form's own params, as Ecto's sort_param/drop_param do
// (buttons dispatching change, or checkboxes), rendered like inputs_for with persistent ids.
class FormDynamicInputsLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

    // The users after sorting and dropping, reindexed: {"0": user, "1": user, ...}.
    static QVariantMap buildUsers(const QVariantMap &users, const QVariant &sort,
                                  const QVariant &drop);
    // inputs_for's entries of `users`, in its order, with persistent ids, names and input ids.
    static QVariantList entries(const QVariantMap &users);

private:
    void assignForm(const QVariantMap &params);
};

// phx-feedback-for kept working by the page's DOM callbacks (the shim of LiveView 1.0): counts
// of clicks, validations and submits, and a feedback element whose attribute can be toggled.
class FormFeedbackLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// <.focus_wrap> in a dropdown opened by JS.toggle + JS.focus_first and in a plain container,
// shown by a patch-selected tab.
class ComponentsLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

// A stream filled by an async result and rendered inside a one-item comprehension.
class StreamInsideForLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleAsync(const QString &name, const QVariant &result, const QString &error) override;
    liveview::Template render() const override;
};

} // namespace conformance
