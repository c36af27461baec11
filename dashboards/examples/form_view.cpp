// The form example: name at least 3 characters, email containing @; errors update as you type.
#include "form_view.h"

namespace livedeck::examples {

FormView::FormView()
{
    m_schema.field(QStringLiteral("name"))
        .length(QStringLiteral("name"), 3)
        .field(QStringLiteral("email"))
        .format(QStringLiteral("email"), QRegularExpression(QStringLiteral("@")),
                QStringLiteral("must contain @"));
}

void FormView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Form"));
    assign(QStringLiteral("form"),
           liveview::Form::empty(m_schema, QStringLiteral("user")).toVariant());
    assign(QStringLiteral("saved"), QVariant());
}

void FormView::handleEvent(const QString &event, const QVariantMap &value)
{
    using liveview::Form;
    if (event == u"validate") {
        assign(QStringLiteral("form"),
               Form::fromParams(m_schema, QStringLiteral("user"), value, Form::Action::Validate)
                   .toVariant());
    } else if (event == u"save") {
        const Form form =
            Form::fromParams(m_schema, QStringLiteral("user"), value, Form::Action::Submit);
        if (form.isValid()) {
            assign(QStringLiteral("saved"), form.values());
            assign(QStringLiteral("form"),
                   Form::empty(m_schema, QStringLiteral("user")).toVariant());
        } else {
            assign(QStringLiteral("form"), form.toVariant());
        }
    } else {
        LiveView::handleEvent(event, value);
    }
}

liveview::Template FormView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/form.heex"));
}

} // namespace livedeck::examples
