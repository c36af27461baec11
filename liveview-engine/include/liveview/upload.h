#pragma once
// File uploads, as LiveView has them: a view allows an upload by name, the browser's official
// client sends the chosen files over the socket in chunks (or to an external store), and the view
// consumes the finished entries. Temporary files live in the data directory and are removed on
// consume, cancel, chunk timeout, view crash and socket close; orphans are swept at start.
// docs/uploads.md describes the protocol and the API.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <functional>
#include <memory>

namespace liveview {

// One file the client chose, as the view (and the template's `@uploads.<name>.entries`) sees it.
struct UploadEntry
{
    QString ref;        // the client's entry ref ("0", "1", ...): unique per page load
    QString uploadRef;  // the upload's own ref (the file input's id)
    QString uuid;       // server-made, unique for this entry
    QString clientName; // as the client declared it: never use it as a path
                        // (UploadStorage::safeFileName)
    QString clientRelativePath;
    QString clientType;
    qint64 clientSize = 0;
    qint64 clientLastModified = 0;
    int progress = 0; // 0..100
    bool preflighted = false;
    bool valid = true;
    bool done = false; // every byte arrived (channel uploads) or the uploader said 100 (external)
    bool cancelled = false;
    QVariantMap meta; // an external upload's meta (from UploadOptions::external)

    // The map templates read: ref, upload_ref, uuid, client_name, client_relative_path,
    // client_type, client_size, client_last_modified, progress, preflighted?, valid?, done?,
    // cancelled?, meta.
    QVariantMap toVariantMap() const;
};

// What an UploadOptions::external callback returns for an entry: the meta the client's uploader
// receives (it must name the uploader: {"uploader": "S3", ...}), or a refusal whose meta becomes
// the entry's error {external_metadata_failure}.
struct ExternalUpload
{
    bool ok = true;
    QVariantMap meta;
    static ExternalUpload accept(QVariantMap meta) { return {true, std::move(meta)}; }
    static ExternalUpload refuse(QVariantMap meta = {}) { return {false, std::move(meta)}; }
};

// Where a channel upload's bytes go instead of a temporary file (Phoenix's UploadWriter): a
// store, a parser, a digest. One writer per entry, made when the entry's channel joins and
// called in order on the socket's thread. Every call returns an error reason, empty when it
// went well; a reason ends the entry's upload, and the entry stays listed, invalid, with the
// error writer_failure (the reason as its detail) until the view cancels it.
class UploadWriter
{
public:
    virtual ~UploadWriter() = default;
    virtual QString init() { return {}; }
    virtual QString writeChunk(const QByteArray &chunk) = 0;
    // Called once: "done" after the last byte, "cancel" when the entry goes before that, or the
    // reason of a failure (the writer's own or the channel's).
    virtual QString close(const QString &reason)
    {
        Q_UNUSED(reason);
        return {};
    }
    // What consume callbacks get as entry.meta once every byte was written (their path is
    // empty: the bytes went to the writer).
    virtual QVariantMap meta() const { return {}; }
};

struct UploadOptions
{
    // Extensions (".txt") and MIME types ("image/png", or "image/*", "audio/*", "video/*").
    // An entry is accepted when its declared type matches a type, or its name's extension (lower
    // case) is listed, and its declared type does not contradict that extension (a ".png" sent as
    // "text/html" is refused). Empty: any file.
    QStringList accept;
    int maxEntries = 1; // how many files at once (see maxEntriesMode)
    // Phoenix's max_entries_mode. Selected (its default): maxEntries bounds the entries listed
    // at a time, and a consumed entry frees its slot. Total: consumed entries count as well, so
    // the view takes at most maxEntries files over its life (until allowUpload again).
    enum class MaxEntriesMode
    {
        Selected,
        Total,
    };
    MaxEntriesMode maxEntriesMode = MaxEntriesMode::Selected;
    qint64 maxFileSize = 8'000'000; // the client's declared size; the channel enforces it
    int chunkSize = 64'000;         // bytes per binary chunk (kept below the frame limit)
    int chunkTimeoutMs = 10'000;    // no chunk for this long: the entry is dropped, file deleted
    bool autoUpload = false;        // upload right after the files are chosen
    // Runs on the view's thread after each progress update (and at 100).
    std::function<void(const QString &name, const UploadEntry &entry)> progress;
    // External uploads: called during the preflight for each entry; the returned meta goes to
    // the client's uploader (registered in the client's `uploaders` option) instead of a token.
    std::function<ExternalUpload(const UploadEntry &entry)> external;
    // Custom writers: called when an entry's channel joins (on the socket's thread); null keeps
    // the temporary file.
    std::function<std::unique_ptr<UploadWriter>(const QString &name, const UploadEntry &entry)>
        writer;
};

// What a consume callback returns: keep the value and let the entry (and its file) go, or keep
// the entry and its file for a later consume.
struct ConsumeResult
{
    QVariant value;
    bool postpone = false;
    static ConsumeResult ok(QVariant value = {}) { return {std::move(value), false}; }
    static ConsumeResult later(QVariant value = {}) { return {std::move(value), true}; }
};
// `path` is the finished temporary file (empty for external uploads: read entry.meta). Copy or
// move the file out inside the callback: it is deleted afterwards unless the result postpones.
using ConsumeFunction = std::function<ConsumeResult(const QString &path, const UploadEntry &entry)>;

struct UploadedEntries
{
    QList<UploadEntry> done;
    QList<UploadEntry> inProgress;
};

// Error reasons as templates receive them from upload_errors(...).
namespace upload_errors {
inline const QString tooLarge = QStringLiteral("too_large");
inline const QString notAccepted = QStringLiteral("not_accepted");
inline const QString tooManyFiles = QStringLiteral("too_many_files");
inline const QString externalClientFailure = QStringLiteral("external_client_failure");
inline const QString externalMetadataFailure = QStringLiteral("external_metadata_failure");
inline const QString writerFailure = QStringLiteral("writer_failure");
// Beyond Phoenix: refused before any byte travels.
inline const QString emptyFile = QStringLiteral("empty_file");     // zero bytes declared
inline const QString invalidName = QStringLiteral("invalid_name"); // control characters, > 255
inline const QString invalidSize = QStringLiteral("invalid_size"); // not a non-negative number
} // namespace upload_errors

// Where temporary upload files live. The Endpoint points it at `<data directory>/upload-tmp`
// and sweeps it before it opens the port; the harness uses a directory of its own.
// Thread-safe.
class UploadStorage
{
public:
    static void setDirectory(const QString &directory);
    static QString directory(); // empty until set: uploads are then refused
    // The subdirectory of directory() that channel uploads write to ("channel"); other writers
    // (the resumable endpoint) should use their own subdirectory and their own sweep rules.
    static QString channelDirectory();
    // Removes files in `directory` that no live TemporaryUploadFile owns and that were last
    // written before `olderThan` (default: now, i.e. every orphan). Returns how many went.
    static int sweep(const QString &directory, const QDateTime &olderThan = {});
    // `name` reduced to [A-Za-z0-9._-], never a path, never only dots, at most 200 characters;
    // `fallback` when nothing is left.
    static QString safeFileName(const QString &name,
                                const QString &fallback = QStringLiteral("upload"));
};

// A temporary file owned by this object: created empty with a random name in `directory`,
// written in order, removed when the object dies unless release() was called. Not thread-safe.
class TemporaryUploadFile
{
public:
    explicit TemporaryUploadFile(const QString &directory);
    ~TemporaryUploadFile();
    TemporaryUploadFile(const TemporaryUploadFile &) = delete;
    TemporaryUploadFile &operator=(const TemporaryUploadFile &) = delete;

    bool isOpen() const;
    QString errorString() const;
    QString path() const;
    qint64 size() const { return m_written; }
    // Appends; false (file kept as it was) on a write error.
    bool append(const QByteArray &bytes);
    // Flushes and closes; the file stays until the object dies.
    bool finish();
    // The file is no longer this object's to delete (moved elsewhere by the application).
    void release();

private:
    struct Private;
    std::unique_ptr<Private> d;
    qint64 m_written = 0;
};

} // namespace liveview
