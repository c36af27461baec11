#pragma once
// How a message's attachment ({name, type, size, file}, stored with the message) is shown: an
// image inline only for raster types (never SVG, which can carry script), anything else as a
// download link. Files are to be served under /chat/files/ (uploads are not wired in yet).

#include <QString>
#include <QVariantMap>

namespace livedeck::chat {

struct ChatAttachments
{
    static QString urlPrefix() { return QStringLiteral("/chat/files/"); }
    static bool isInlineImage(const QString &contentType);
    // The Content-Type a stored file is shown with, from the extension the server gave it.
    static QByteArray servedContentType(const QString &file);
    // The stored map plus url, is_image and size_text for templates.
    static QVariantMap describe(const QVariantMap &stored);
};

} // namespace livedeck::chat
