// Formatting and comparison of template values.
#include "value_format.h"

#include "liveview/safe_html.h"

#include <QLocale>

namespace liveview::internal {

QString htmlEscape(const QString &text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    // Fast path: most dynamic values need no escaping at all.
    for (; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'&' || c == u'<' || c == u'>' || c == u'"' || c == u'\'')
            break;
    }
    if (i == n)
        return text;
    QString out;
    out.reserve(n + 16);
    out.append(QStringView(text).left(i));
    for (; i < n; ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '&':
            out.append(u"&amp;");
            break;
        case '<':
            out.append(u"&lt;");
            break;
        case '>':
            out.append(u"&gt;");
            break;
        case '"':
            out.append(u"&quot;");
            break;
        case '\'':
            out.append(u"&#39;");
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

bool isNil(const QVariant &value)
{
    return !value.isValid() || (value.isNull() && value.typeId() != QMetaType::QString);
}

QString toText(const QVariant &value)
{
    if (!value.isValid())
        return QString();
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString();
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QString::number(value.toLongLong());
    default:
        break;
    }
    if (value.typeId() == qMetaTypeId<liveview::SafeHtml>())
        return value.value<liveview::SafeHtml>().html;
    if (value.isNull())
        return QString();
    return value.toString();
}

QString toHtml(const QVariant &value)
{
    if (value.typeId() == qMetaTypeId<liveview::SafeHtml>())
        return value.value<liveview::SafeHtml>().html;
    return htmlEscape(toText(value));
}

bool isTruthy(const QVariant &value)
{
    if (!value.isValid() || (value.isNull() && value.typeId() != QMetaType::QString))
        return false;
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    return true;
}

static bool isNumber(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

static bool isInteger(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::UInt ||
           t == QMetaType::ULongLong;
}

static bool integersEqual(const QVariant &a, const QVariant &b)
{
    const bool aNegative = a.typeId() != QMetaType::ULongLong && a.toLongLong() < 0;
    const bool bNegative = b.typeId() != QMetaType::ULongLong && b.toLongLong() < 0;
    if (aNegative || bNegative)
        return aNegative && bNegative && a.toLongLong() == b.toLongLong();
    return a.toULongLong() == b.toULongLong();
}

bool valuesEqual(const QVariant &a, const QVariant &b)
{
    if (isInteger(a) && isInteger(b)) // as doubles, 2^53 + 1 would equal 2^53
        return integersEqual(a, b);
    if (isNumber(a) && isNumber(b))
        return a.toDouble() == b.toDouble();
    if (a.typeId() != b.typeId())
        return isNil(a) && isNil(b);
    return a == b;
}

} // namespace liveview::internal
