#pragma once
// Sending files in the chat: what the composer accepts (images and common documents, up to
// maxFiles of at most maxFileBytes each), the words for upload errors, and storing a finished
// upload as a message attachment under a random name that the server chooses from the bytes.

#include <liveview/upload.h>

#include <QString>
#include <QVariantMap>

namespace livedeck::chat {

struct ChatUploads
{
    static constexpr int maxFiles = 4;
    static constexpr qint64 maxFileBytes = 10 * 1024 * 1024;

    static QString uploadName() { return QStringLiteral("attachments"); }
    static liveview::UploadOptions options();
    // The composer's text for an upload_errors reason.
    static QString errorText(const QString &reason);
    // Moves (or copies) the finished upload at `path` into `directory` as <32 hex>.<ext>, where
    // the extension comes from the file's first bytes (a raster image) or is ".bin". Returns
    // the attachment {name, type, size, file}, or an empty map when it could not be stored.
    static QVariantMap store(const QString &path, const liveview::UploadEntry &entry,
                             const QString &directory);
    // ".png", ".jpg", ".gif" or ".webp" for those images' signatures; ".bin" otherwise.
    static QString extensionFromContent(const QByteArray &head);
    // Template helpers: chat_upload_error(reason), chat_is_image(type), chat_size(bytes).
    static void registerTemplateHelpers();
};

} // namespace livedeck::chat
