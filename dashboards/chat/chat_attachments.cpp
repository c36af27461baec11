// Attachment display: what decides inline versus download is the stored file's extension (chosen
// by the server), never the name or type a client claimed.
#include "chat_attachments.h"

#include <QLocale>

namespace livedeck::chat {

bool ChatAttachments::isInlineImage(const QString &contentType)
{
    return contentType == u"image/png" || contentType == u"image/jpeg" ||
           contentType == u"image/gif" || contentType == u"image/webp";
}

QByteArray ChatAttachments::servedContentType(const QString &file)
{
    if (file.endsWith(u".png"))
        return "image/png";
    if (file.endsWith(u".jpg"))
        return "image/jpeg";
    if (file.endsWith(u".gif"))
        return "image/gif";
    if (file.endsWith(u".webp"))
        return "image/webp";
    return "application/octet-stream";
}

QVariantMap ChatAttachments::describe(const QVariantMap &stored)
{
    QVariantMap m = stored;
    const QString file = m.value(QStringLiteral("file")).toString();
    m.insert(QStringLiteral("url"), urlPrefix() + file);
    m.insert(QStringLiteral("is_image"),
             isInlineImage(QString::fromLatin1(servedContentType(file))));
    m.insert(QStringLiteral("size_text"),
             QLocale::c().formattedDataSize(m.value(QStringLiteral("size")).toLongLong()));
    return m;
}

} // namespace livedeck::chat
