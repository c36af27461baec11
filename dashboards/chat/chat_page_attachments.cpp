// The composer's submit with files: finished uploads become attachments (one message per file,
// the text on the first, so every message shows at most one file the same way), and the upload
// is renewed once the sent files have left the page.
#include "chat_page.h"
#include "chat_uploads.h"

namespace livedeck::chat {

void ChatPage::sendWithAttachments(const QString &text)
{
    if (m_services.attachmentDirectory.isEmpty()) {
        send(text, {});
        return;
    }
    const QString name = ChatUploads::uploadName();
    const liveview::UploadedEntries entries = uploadedEntries(name);
    if (!entries.inProgress.isEmpty()) {
        // Sending only the finished files would split what the user meant as one message.
        assign(QStringLiteral("send_error"),
               QStringLiteral("Wait until every file has arrived, then send."));
        return;
    }
    if (entries.done.isEmpty()) {
        send(text, {});
        return;
    }
    // Checked before any file is taken: a refused text must not leave its files sent alone.
    if (text.trimmed().size() > maxMessageLength) {
        send(text, {});
        return;
    }
    const QString directory = m_services.attachmentDirectory;
    const QVariantList stored = consumeUploadedEntries(
        name, [&directory](const QString &path, const liveview::UploadEntry &entry) {
            const QVariantMap attachment = ChatUploads::store(path, entry, directory);
            // Kept in the composer when it could not be stored: the user may send it again.
            return attachment.isEmpty() ? liveview::ConsumeResult::later()
                                        : liveview::ConsumeResult::ok(attachment);
        });
    QString body = text;
    int sent = 0;
    for (const QVariant &attachment : stored) {
        if (attachment.toMap().isEmpty())
            continue;
        if (send(body, attachment.toMap()))
            body = QStringLiteral(""); // stored as an empty text, never NULL
        ++sent;
    }
    m_sentFiles += sent;
    if (sent < stored.size())
        assign(QStringLiteral("send_error"),
               QStringLiteral("A file could not be stored; it is still in the composer."));
    if (m_sentFiles > 0)
        infoSender()(QVariantMap{{QStringLiteral("chat_uploads_spent"), true}});
}

void ChatPage::renewSpentUploads()
{
    const QString name = ChatUploads::uploadName();
    const liveview::UploadedEntries entries = uploadedEntries(name);
    if (m_sentFiles == 0 || !entries.done.isEmpty() || !entries.inProgress.isEmpty())
        return;
    try {
        allowUpload(name, ChatUploads::options()); // a fresh ref and count
        m_sentFiles = 0;
    } catch (const std::exception &) {
        // Entries still listed (an invalid one waits for its cancel): tried again on the next
        // change of the composer.
    }
}

} // namespace livedeck::chat
