#pragma once
// Attachments of chat messages: files kept under the data directory with names the server
// makes up, served back under /chat/files/ as a download unless they are a raster image.

#include <QString>
#include <QVariantMap>

namespace livedeck::chat {

class ChatAttachments
{
public:
    explicit ChatAttachments(QString directory) : m_directory(std::move(directory)) {}

    static constexpr qint64 maxFileBytes = 8 * 1024 * 1024;
    static QString urlPrefix() { return QStringLiteral("/chat/files/"); }
    // Shown in the page (<img>) rather than downloaded: PNG, JPEG, GIF and WebP only (never SVG,
    // which can carry script).
    static bool isInlineImage(const QString &contentType);
    // The stored {name, type, size, file} plus url, is_image and size_text for templates.
    static QVariantMap describe(const QVariantMap &stored);
    // The Content-Type to serve a stored file with (images as themselves, all else as bytes).
    static QByteArray servedContentType(const QString &file);

    QString directory() const { return m_directory; }
    // Where `file` (a name this class made) lives, or empty for any other name.
    QString pathOf(const QString &file) const;
    // Moves the finished upload at `temporaryPath` into the directory; returns the stored map
    // (empty on failure). `clientName` and `clientType` are only shown, never trusted.
    QVariantMap keep(const QString &temporaryPath, const QString &clientName,
                     const QString &clientType, qint64 size) const;

private:
    QString m_directory;
};

} // namespace livedeck::chat
