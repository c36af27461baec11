#pragma once
// One allowed upload of a view: its options, the entries the client registered with their
// errors, and what templates read as `@uploads.<name>`.

#include "liveview/upload.h"

#include <QJsonArray>
#include <QPointer>
#include <vector>

namespace liveview::internal {

class UploadChannel;

struct EntryState
{
    UploadEntry entry;
    QString nonce;                   // of the token issued at preflight (single use)
    bool registered = false;         // a channel joined with that token
    bool received = false;           // every declared byte arrived over the channel
    bool released = false;           // consumed or cancelled; leaves with the next diff
    QPointer<UploadChannel> channel; // while the entry's file is held by its channel
};

struct UploadError
{
    QString ref; // an entry's ref, or the upload's own for too_many_files
    QString reason;
    QString detail; // why, when the reason alone does not say (a custom writer's reason)
};

class UploadConfig
{
public:
    // At most this many entries per upload however many the client lists: beyond it the change
    // is refused as too many files without adding rows.
    static constexpr int hardEntryLimit = 1000;

    UploadConfig(QString name, UploadOptions options);

    const QString &name() const { return m_name; }
    const QString &ref() const { return m_ref; }
    const UploadOptions &options() const { return m_options; }
    std::vector<EntryState> &entries() { return m_entries; }
    const std::vector<EntryState> &entries() const { return m_entries; }
    EntryState *find(const QString &entryRef);
    // Consumed entries that still count against maxEntries (only in Total mode).
    int consumedCount() const { return m_consumed; }
    void countConsumed()
    {
        if (m_options.maxEntriesMode == UploadOptions::MaxEntriesMode::Total)
            ++m_consumed;
    }

    // The client's file list from a change event: unseen refs become entries (validated: name,
    // size, type), refs already known are skipped.
    void putEntries(const QJsonArray &clientEntries);
    // Removes an entry and its errors (its channel must already be closed).
    void drop(const QString &entryRef);
    void recalculateTooManyFiles();
    QList<UploadError> errors() const { return m_errors; }
    QStringList errorsFor(const QString &ref) const;
    bool hasErrors() const { return !m_errors.isEmpty(); }

    QVariantMap toVariantMap() const;

    // The accept check alone (declared type against the name's extension and the accept list).
    static bool accepted(const QStringList &accept, const QString &clientName,
                         const QString &clientType);

    void putError(const QString &ref, const QString &reason, const QString &detail = {});

private:
    QString m_name;
    QString m_ref;
    UploadOptions m_options;
    std::vector<EntryState> m_entries;
    QList<UploadError> m_errors; // newest first, as the client lists them
    int m_consumed = 0;
};

} // namespace liveview::internal
