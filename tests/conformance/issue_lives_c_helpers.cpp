// The JS command encoding, isGiven and the 3169 module name shared by the fixtures of
// issue_lives_c.h.
#include "issue_lives_c_helpers.h"

#include <QJsonDocument>

namespace conformance {

QJsonArray jsClasses(const char *names)
{
    QJsonArray out;
    for (const QString &name : QString::fromLatin1(names).split(u' ', Qt::SkipEmptyParts))
        out.append(name);
    return out;
}

QJsonArray jsTransition(const char *transition, const char *start, const char *end)
{
    return {jsClasses(transition), jsClasses(start), jsClasses(end)};
}

QJsonArray jsOp(const char *kind, const QJsonObject &args)
{
    return {QString::fromLatin1(kind), args};
}

QString jsEncoded(std::initializer_list<QJsonArray> ops)
{
    QJsonArray all;
    for (const QJsonArray &op : ops)
        all.append(op);
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

bool isGiven(const QVariant &value)
{
    return value.isValid() && !value.isNull() && !value.toString().isEmpty();
}

const QString formComponentModule = QStringLiteral("issue-3169-form-component");

} // namespace conformance
