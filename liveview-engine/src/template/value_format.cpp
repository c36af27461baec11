// Formatting and comparison of template values.
#include "value_format.h"

#include "liveview/safe_html.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <cstring>

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

// QVariantMap or QVariantHash: the same keys with identical values.
template <typename Map> static bool identicalMaps(const Map &x, const Map &y)
{
    if (x.isSharedWith(y))
        return true;
    if (x.size() != y.size())
        return false;
    for (auto i = x.cbegin(); i != x.cend(); ++i) {
        const auto j = y.constFind(i.key());
        if (j == y.cend() || !identicalValues(i.value(), *j))
            return false;
    }
    return true;
}

bool identicalValues(const QVariant &a, const QVariant &b)
{
    if (a.typeId() != b.typeId())
        return false;
    switch (a.typeId()) {
    case QMetaType::QVariantMap:
        return identicalMaps(*static_cast<const QVariantMap *>(a.constData()),
                             *static_cast<const QVariantMap *>(b.constData()));
    case QMetaType::QVariantHash:
        return identicalMaps(*static_cast<const QVariantHash *>(a.constData()),
                             *static_cast<const QVariantHash *>(b.constData()));
    case QMetaType::QVariantList: {
        const auto &x = *static_cast<const QVariantList *>(a.constData());
        const auto &y = *static_cast<const QVariantList *>(b.constData());
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!identicalValues(x[i], y[i]))
                return false;
        return true;
    }
    case QMetaType::Double: {
        const double x = a.toDouble(), y = b.toDouble();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case QMetaType::Float: {
        const float x = a.toFloat(), y = b.toFloat();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case QMetaType::QDateTime: {
        const QDateTime x = a.toDateTime(), y = b.toDateTime();
        return x == y && x.timeSpec() == y.timeSpec() && x.offsetFromUtc() == y.offsetFromUtc() &&
               x.timeZone() == y.timeZone();
    }
    default:
        return a == b; // same type: strings, integers, booleans, dates compare exactly
    }
}

} // namespace liveview::internal
