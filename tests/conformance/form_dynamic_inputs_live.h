#pragma once
// /form/dynamic-inputs: the dynamic inputs test of forms.spec.js, with the function component
// it renders each entry with.

#include <liveview/live_view.h>

namespace conformance {

// The function component of /form/dynamic-inputs (one entry of its inputs_for); call once at
// startup, before views render.
void registerSpecLivesDComponents();

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

} // namespace conformance
