// Form serialization in document order, as FormData + URLSearchParams produce it.
#include "form_serializer.h"

#include <QUrl>

namespace liveview::testing::detail {
namespace {

QString encode(const QString &text)
{
    // URLSearchParams: space as '+', everything but *-._ and alphanumerics percent-encoded.
    QString out = QString::fromLatin1(QUrl::toPercentEncoding(text, "*-._", "+"));
    return out.replace(QStringLiteral("%20"), QStringLiteral("+"));
}

// `user[email]` → `user[_unused_email]`, `pick` → `_unused_pick`.
QString unusedName(const QString &name)
{
    const qsizetype bracket = name.lastIndexOf(u'[');
    if (bracket < 0)
        return QStringLiteral("_unused_") + name;
    return name.left(bracket + 1) + QStringLiteral("_unused_") + name.mid(bracket + 1);
}

} // namespace

QString serializeForm(const HtmlElement &form, const QVariantMap &overrides,
                      const QSet<QString> &touched, bool withUnusedMarkers)
{
    QStringList pairs;
    for (const HtmlElement &field : form.select(QStringLiteral("input, textarea, select"))) {
        const QString name = field.attribute(QStringLiteral("name"));
        const QString type = field.attribute(QStringLiteral("type")).toLower();
        if (name.isEmpty() || field.hasAttribute(QStringLiteral("disabled")) || type == u"submit" ||
            type == u"button" || type == u"file")
            continue;
        QString value;
        if (overrides.contains(name)) {
            value = overrides.value(name).toString();
        } else if (type == u"checkbox" || type == u"radio") {
            if (!field.hasAttribute(QStringLiteral("checked")))
                continue;
            value = field.hasAttribute(QStringLiteral("value"))
                        ? field.attribute(QStringLiteral("value"))
                        : QStringLiteral("on");
        } else if (field.tagName() == u"textarea") {
            value = field.textContent();
        } else if (field.tagName() == u"select") {
            const HtmlElement selected = field.selectOne(QStringLiteral("option[selected]"));
            value =
                selected.isNull()
                    ? field.selectOne(QStringLiteral("option")).attribute(QStringLiteral("value"))
                    : selected.attribute(QStringLiteral("value"));
        } else {
            value = field.attribute(QStringLiteral("value"));
        }
        if (withUnusedMarkers && type != u"hidden" && !touched.contains(name))
            pairs << encode(unusedName(name)) + u'=';
        pairs << encode(name) + u'=' + encode(value);
    }
    return pairs.join(u'&');
}

} // namespace liveview::testing::detail
