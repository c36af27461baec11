// Stored names are random hex plus an extension chosen from the sniffed image type (or .bin), so
// neither the client's name nor its claimed type decide how the file is served.
#include "chat_attachments.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace livedeck::chat {
namespace {
// The image type the file's first bytes show, or empty.
QString sniffedImageType(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(16);
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("png");
    if (head.startsWith("\xff\xd8\xff"))
        return QStringLiteral("jpg");
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return QStringLiteral("gif");
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    return {};
}
} // namespace

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

QString ChatAttachments::pathOf(const QString &file) const
{
    static const QRegularExpression ours(QStringLiteral("^[0-9a-f]{32}\\.(png|jpg|gif|webp|bin)$"));
    if (m_directory.isEmpty() || !ours.match(file).hasMatch())
        return {};
    return QDir(m_directory).filePath(file);
}

QVariantMap ChatAttachments::keep(const QString &temporaryPath, const QString &clientName,
                                  const QString &clientType, qint64 size) const
{
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory))
        return {};
    const QString sniffed = sniffedImageType(temporaryPath);
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 4);
    const QString file = QString::fromLatin1(random.toHex()) + u'.' +
                         (sniffed.isEmpty() ? QStringLiteral("bin") : sniffed);
    const QString target = QDir(m_directory).filePath(file);
    if (!QFile::copy(temporaryPath, target))
        return {};
    QString name = clientName.simplified().left(120);
    if (name.isEmpty())
        name = QStringLiteral("file");
    return {{QStringLiteral("name"), name},
            {QStringLiteral("type"), sniffed.isEmpty()
                                         ? clientType.left(80)
                                         : QString::fromLatin1(servedContentType(file))},
            {QStringLiteral("size"), size},
            {QStringLiteral("file"), file}};
}

} // namespace livedeck::chat
