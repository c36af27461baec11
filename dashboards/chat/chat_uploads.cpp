// What the chat's composer accepts and how a finished upload becomes an attachment. The stored
// name never contains anything the client sent: the client's name is kept as text only.
#include "chat_uploads.h"

#include "chat_attachments.h"

#include <liveview/template.h>

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>

namespace livedeck::chat {

liveview::UploadOptions ChatUploads::options()
{
    liveview::UploadOptions o;
    // Images to look at and the documents people pass around; no HTML, SVG or programs.
    o.accept = {QStringLiteral(".png"),  QStringLiteral(".jpg"),  QStringLiteral(".jpeg"),
                QStringLiteral(".gif"),  QStringLiteral(".webp"), QStringLiteral(".pdf"),
                QStringLiteral(".txt"),  QStringLiteral(".md"),   QStringLiteral(".csv"),
                QStringLiteral(".json"), QStringLiteral(".log"),  QStringLiteral(".zip"),
                QStringLiteral(".gz"),   QStringLiteral(".odt"),  QStringLiteral(".ods"),
                QStringLiteral(".docx"), QStringLiteral(".xlsx"), QStringLiteral(".pptx")};
    o.maxEntries = maxFiles;
    o.maxFileSize = maxFileBytes;
    // Uploaded while the message is typed: the progress shows at once and sending is instant.
    o.autoUpload = true;
    return o;
}

QString ChatUploads::errorText(const QString &reason)
{
    namespace e = liveview::upload_errors;
    if (reason == e::tooLarge)
        return QStringLiteral("Too large: at most %1 per file.")
            .arg(QLocale::c().formattedDataSize(maxFileBytes));
    if (reason == e::notAccepted)
        return QStringLiteral("This kind of file cannot be sent (images, PDF, text, office "
                              "documents and archives can).");
    if (reason == e::tooManyFiles)
        return QStringLiteral("At most %1 files per message.").arg(maxFiles);
    if (reason == e::emptyFile)
        return QStringLiteral("The file is empty.");
    if (reason == e::invalidName)
        return QStringLiteral("The file's name cannot be used.");
    return QStringLiteral("The file could not be uploaded.");
}

QString ChatUploads::extensionFromContent(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral(".png");
    if (head.startsWith("\xff\xd8\xff"))
        return QStringLiteral(".jpg");
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return QStringLiteral(".gif");
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral(".webp");
    return QStringLiteral(".bin");
}

QVariantMap ChatUploads::store(const QString &path, const liveview::UploadEntry &entry,
                               const QString &directory)
{
    QFile source(path);
    if (directory.isEmpty() || !source.open(QIODevice::ReadOnly) || !QDir().mkpath(directory))
        return {};
    const QString extension = extensionFromContent(source.read(16));
    const qint64 size = source.size();
    source.close();
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    const QString file =
        QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex()) +
        extension;
    const QString target = QDir(directory).filePath(file);
    // Usually the same file system as the temporary file (both in the data directory): a rename.
    if (!QFile::rename(path, target) && !QFile::copy(path, target))
        return {};
    return {{QStringLiteral("name"), entry.clientName.left(255)},
            {QStringLiteral("type"), QString::fromLatin1(ChatAttachments::servedContentType(file))},
            {QStringLiteral("size"), size},
            {QStringLiteral("file"), file}};
}

void ChatUploads::registerTemplateHelpers()
{
    using liveview::TemplateLibrary;
    TemplateLibrary::registerHelper(
        QStringLiteral("chat_upload_error"),
        [](const QVariantList &a) -> QVariant { return errorText(a.value(0).toString()); });
    TemplateLibrary::registerHelper(
        QStringLiteral("chat_is_image"), [](const QVariantList &a) -> QVariant {
            return ChatAttachments::isInlineImage(a.value(0).toString());
        });
    TemplateLibrary::registerHelper(
        QStringLiteral("chat_size"), [](const QVariantList &a) -> QVariant {
            return QLocale::c().formattedDataSize(a.value(0).toLongLong());
        });
}

} // namespace livedeck::chat
