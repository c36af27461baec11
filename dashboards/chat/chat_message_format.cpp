// Linkifying finds candidates with a loose pattern and keeps only what QUrl parses strictly as
// an http(s) URL with a host; trailing punctuation belongs to the sentence, not the link.
#include "chat_message_format.h"

#include "chat_attachments.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>

namespace livedeck::chat {
namespace {
QVariantMap textPart(const QString &text)
{
    return {{QStringLiteral("text"), text}, {QStringLiteral("href"), QString()}};
}

// The link's URL, or empty when `candidate` is not a plain http(s) URL.
QString linkTarget(const QString &candidate)
{
    const QUrl url(candidate, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return {};
    return QString::fromLatin1(url.toEncoded(QUrl::FullyEncoded));
}
} // namespace

QVariantList ChatMessageFormat::parts(const QString &body)
{
    static const QRegularExpression candidate(QStringLiteral("\\bhttps?://[^\\s<>\"'`]+"),
                                              QRegularExpression::CaseInsensitiveOption);
    QVariantList out;
    qsizetype plainFrom = 0;
    auto it = candidate.globalMatch(body);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString link = m.captured(0);
        while (!link.isEmpty() && QStringLiteral(".,;:!?)]}").contains(link.back()) &&
               !(link.back() == u')' && link.count(u'(') >= link.count(u')')))
            link.chop(1);
        const QString href = linkTarget(link);
        if (href.isEmpty())
            continue;
        if (m.capturedStart(0) > plainFrom)
            out << textPart(body.mid(plainFrom, m.capturedStart(0) - plainFrom));
        out << QVariantMap{{QStringLiteral("text"), link}, {QStringLiteral("href"), href}};
        plainFrom = m.capturedStart(0) + link.size();
    }
    if (plainFrom < body.size())
        out << textPart(body.mid(plainFrom));
    return out;
}

int ChatMessageFormat::hueOf(const QString &name)
{
    uint h = 0;
    for (const QChar c : name)
        h = h * 31 + c.unicode();
    return int(h % 8);
}

QVariantMap ChatMessageFormat::display(const QVariantMap &message)
{
    QVariantMap m = message;
    const QString user = m.value(QStringLiteral("user")).toString();
    const QDateTime sent =
        QDateTime::fromMSecsSinceEpoch(m.value(QStringLiteral("sent_at")).toLongLong());
    m.insert(QStringLiteral("parts"), parts(m.value(QStringLiteral("body")).toString()));
    m.insert(QStringLiteral("time"), sent.toLocalTime().toString(QStringLiteral("HH:mm")));
    m.insert(QStringLiteral("iso"), sent.toUTC().toString(Qt::ISODate));
    m.insert(QStringLiteral("initial"), user.left(1).toUpper());
    m.insert(QStringLiteral("hue"), hueOf(user));
    const QVariantMap attachment = m.value(QStringLiteral("attachment")).toMap();
    if (!attachment.isEmpty())
        m.insert(QStringLiteral("attachment"), ChatAttachments::describe(attachment));
    else
        m.insert(QStringLiteral("attachment"), QVariant());
    return m;
}

} // namespace livedeck::chat
