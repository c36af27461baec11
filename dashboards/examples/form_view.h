#pragma once
// Example: a user form validated on every change, reset after a successful save.

#include <liveview/form.h>
#include <liveview/live_view.h>

namespace livedeck::examples {

class FormView : public liveview::LiveView
{
public:
    FormView();
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    liveview::FormSchema m_schema;
};

} // namespace livedeck::examples
