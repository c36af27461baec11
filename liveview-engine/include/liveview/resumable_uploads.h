#pragma once
// Uploads that survive dropped connections and server restarts: a store of partly uploaded
// files in the data directory, appended to over HTTP through signed, expiring URLs.

#include "liveview/upload.h"

#include <QMutex>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace liveview {

namespace internal {
class TokenSigner;
class UploadUrlSigner;
class ResumableAppend;
} // namespace internal

// The Endpoint owns one (with a data directory) and serves it at /uploads/resumable/<token>:
// HEAD or GET tells how many bytes are stored (`Upload-Offset`), PATCH with `Upload-Offset` and
// `Content-Length` appends, DELETE drops the entry (docs/uploads.md, "Resumable uploads").
// Entries live in <data>/upload-tmp/resumable/ as <id>.part (the bytes) and <id>.json (what was
// declared); each is kept for lifetimeSeconds after it was last prepared, then swept. Every
// method may be called from any thread.
class ResumableUploads
{
public:
    struct Upload
    {
        QString id;
        QString url; // path and signed token, relative to the endpoint's origin
        qint64 size = 0;
        qint64 offset = 0; // bytes stored so far
        bool isComplete() const { return offset == size; }
    };

    // Opens (creating) `directory`; the URLs are signed with `signer`'s key. Entries already
    // expired are swept.
    ResumableUploads(QString directory, std::shared_ptr<const internal::TokenSigner> signer,
                     qint64 lifetimeSeconds = 24 * 3600);
    ~ResumableUploads();

    // An entry for `size` bytes and its URL, valid for the lifetime from now. The same
    // `resumeKey` and size give the same entry back with the bytes already stored, so a file
    // chosen again (after a restart, a reload, a lost socket) continues where it stopped. Make
    // the key from the browser session and the file (name, size, last modified): two sessions
    // must never share one. An empty key always makes a new entry. Nullopt when the store
    // cannot write.
    std::optional<Upload> prepare(const QString &resumeKey, qint64 size, const QString &clientName);
    // The entry as stored now; nullopt when unknown, discarded or expired.
    std::optional<Upload> find(const QString &id) const;
    // The file holding a complete entry's bytes (to move or copy away), empty otherwise.
    QString completedFile(const QString &id) const;
    // Removes the entry and its bytes (consumed, cancelled); false when there was none.
    bool discard(const QString &id);
    // Removes entries whose lifetime is over and files no entry describes. Returns how many.
    int sweepExpired();

    // The store of the running Endpoint (set by Endpoint::start; null without a data directory),
    // for views, which do not see their endpoint.
    static std::shared_ptr<ResumableUploads> shared();
    static void setShared(std::shared_ptr<ResumableUploads> store);

    // UploadOptions::external that sends each entry to this endpoint's store through the
    // client's LiveViewResumable uploader (the engine's assets/resumable_uploader.js): the
    // entry's meta is {uploader, id, url, chunk_size}. `browserSession` (the mount session's
    // "session_id") keys the entries, so that the same file chosen again in the same browser
    // session resumes. Appends carry `sliceBytes` each: what a cut connection may cost again.
    static std::function<ExternalUpload(const UploadEntry &)>
    external(const QString &browserSession, qint64 sliceBytes = 8 * 1024 * 1024);
    // For a consume callback: the stored file of an entry uploaded through external(), empty
    // unless the store holds all its bytes. Move it away, then discard(entry.meta["id"]).
    static QString completedFileOf(const UploadEntry &entry);
    // The client's name for the uploader (the key in its `uploaders` option).
    static constexpr const char *uploaderName = "LiveViewResumable";

    QString directory() const { return m_directory; }
    qint64 lifetimeSeconds() const { return m_lifetimeSeconds; }
    const internal::UploadUrlSigner &urlSigner() const { return *m_urlSigner; }

private:
    friend class internal::ResumableAppend;
    QString partPath(const QString &id) const;
    QString metaPath(const QString &id) const;
    bool tryClaim(const QString &id); // one append at a time per entry
    void release(const QString &id);

    QString m_directory;
    qint64 m_lifetimeSeconds;
    std::unique_ptr<internal::UploadUrlSigner> m_urlSigner;
    mutable QMutex m_mutex;
    QSet<QString> m_appending;
};

} // namespace liveview
