// ElementQuery: finding one element in the current render and acting on it like a user would
// (click, type into a form, submit, push an event to its component).
#include "form_serializer.h"
#include "liveview/testing/live_view_test.h"

#include <QJsonObject>

namespace liveview::testing {

ElementQuery::ElementQuery(LiveViewTest *view, QString selector, QString text)
    : m_view(view), m_selector(std::move(selector)), m_text(std::move(text))
{
}

static QList<HtmlElement> matching(const HtmlDocument &doc, const QString &selector,
                                   const QString &text)
{
    QList<HtmlElement> found;
    for (const HtmlElement &e : doc.select(selector))
        if (text.isEmpty() || e.textContent().contains(text))
            found.append(e);
    return found;
}

bool ElementQuery::exists() const
{
    return !matching(m_view->document(), m_selector, m_text).isEmpty();
}

HtmlElement ElementQuery::element() const
{
    const HtmlDocument doc = m_view->document();
    const QList<HtmlElement> found = matching(doc, m_selector, m_text);
    if (found.size() != 1)
        throw HarnessError(
            QStringLiteral("selector \"%1\"%2 matched %3 elements, expected exactly one")
                .arg(m_selector,
                     m_text.isEmpty() ? QString() : QStringLiteral(" with text \"%1\"").arg(m_text))
                .arg(found.size())
                .toStdString());
    return found.first();
}

// Where an element's phx-target sends its events, as the client resolves it: a number is a
// component's cid ({@myself}); a selector names elements, and the component around the first
// of them (if any) gets the event, else the view.
static void addTarget(LiveViewTest *view, const HtmlElement &element, QJsonObject *payload)
{
    const QString target = element.attribute(QStringLiteral("phx-target"));
    bool isCid = false;
    const int cid = target.toInt(&isCid);
    if (isCid) {
        payload->insert(QStringLiteral("cid"), cid);
        return;
    }
    if (target.isEmpty())
        return;
    const QList<HtmlElement> named = view->document().select(target);
    for (HtmlElement e = named.value(0); !e.isNull(); e = e.parent()) {
        if (e.hasAttribute(QStringLiteral("data-phx-component"))) {
            payload->insert(QStringLiteral("cid"),
                            e.attribute(QStringLiteral("data-phx-component")).toInt());
            return;
        }
    }
}

QString ElementQuery::renderClick(const QVariantMap &extraValues)
{
    // Like the client: the nearest element (itself or an ancestor) carrying phx-click.
    HtmlElement target = element();
    while (!target.isNull() && !target.hasAttribute(QStringLiteral("phx-click")))
        target = target.parent();
    if (target.isNull())
        throw HarnessError(QStringLiteral("\"%1\" has no phx-click (nor any ancestor)")
                               .arg(m_selector)
                               .toStdString());
    QJsonObject value;
    for (const auto &[name, attrValue] : target.attributes())
        if (name.startsWith(QLatin1String("phx-value-")))
            value.insert(name.mid(10), attrValue);
    static const QStringList withValue{QStringLiteral("button"), QStringLiteral("input"),
                                       QStringLiteral("select"), QStringLiteral("textarea")};
    if (withValue.contains(target.tagName()))
        value.insert(QStringLiteral("value"), target.attribute(QStringLiteral("value")));
    for (auto it = extraValues.cbegin(); it != extraValues.cend(); ++it)
        value.insert(it.key(), QJsonValue::fromVariant(it.value()));
    QJsonObject payload{{QStringLiteral("type"), QStringLiteral("click")},
                        {QStringLiteral("event"), target.attribute(QStringLiteral("phx-click"))},
                        {QStringLiteral("value"), value}};
    addTarget(m_view, target, &payload);
    return m_view->push(QStringLiteral("event"), payload);
}

QString ElementQuery::renderEvent(const QString &event, const QVariantMap &value,
                                  const QString &type)
{
    HtmlElement target = element();
    while (!target.isNull() && !target.hasAttribute(QStringLiteral("data-phx-component")))
        target = target.parent();
    QJsonObject payload{{QStringLiteral("type"), type},
                        {QStringLiteral("event"), event},
                        {QStringLiteral("value"), QJsonObject::fromVariantMap(value)}};
    if (!target.isNull())
        payload.insert(QStringLiteral("cid"),
                       target.attribute(QStringLiteral("data-phx-component")).toInt());
    return m_view->push(QStringLiteral("event"), payload);
}

QString ElementQuery::renderChange(const QVariantMap &values)
{
    const HtmlElement form = element();
    const QString event = form.attribute(QStringLiteral("phx-change"));
    if (form.tagName() != u"form" || event.isEmpty())
        throw HarnessError(
            QStringLiteral("\"%1\" is not a form with phx-change").arg(m_selector).toStdString());
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_view->touchedFields().insert(it.key());
    const QString target = values.isEmpty() ? QStringLiteral("undefined") : values.firstKey();
    QJsonObject payload{{QStringLiteral("type"), QStringLiteral("form")},
                        {QStringLiteral("event"), event},
                        {QStringLiteral("value"),
                         detail::serializeForm(form, values, m_view->touchedFields(), true)},
                        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("_target"), target}}},
                        {QStringLiteral("uploads"), QJsonObject()}};
    addTarget(m_view, form, &payload);
    return m_view->push(QStringLiteral("event"), payload);
}

QString ElementQuery::renderSubmit(const QVariantMap &values)
{
    const HtmlElement form = element();
    const QString event = form.attribute(QStringLiteral("phx-submit"));
    if (form.tagName() != u"form" || event.isEmpty())
        throw HarnessError(
            QStringLiteral("\"%1\" is not a form with phx-submit").arg(m_selector).toStdString());
    QJsonObject payload{{QStringLiteral("type"), QStringLiteral("form")},
                        {QStringLiteral("event"), event},
                        {QStringLiteral("value"), detail::serializeForm(form, values, {}, false)},
                        {QStringLiteral("meta"), QJsonObject()}};
    addTarget(m_view, form, &payload);
    return m_view->push(QStringLiteral("event"), payload);
}

} // namespace liveview::testing
