#pragma once
// One append to a resumable upload entry: the checks, the claim, and the file it writes.

#include "liveview/resumable_uploads.h"

#include <QFile>
#include <memory>

namespace liveview::internal {

// Holds the entry's claim (one append at a time) for its lifetime. Bytes go to the page cache
// as they arrive, so everything written survives the process dying (kill -9); sync() makes them
// survive the machine too, and is what an acknowledged offset promises.
class ResumableAppend
{
public:
    enum class Outcome
    {
        Ready,
        Gone,        // no such entry (never prepared, discarded, swept)
        Busy,        // another append to the entry is in progress
        WrongOffset, // the request's offset is not the stored size
        TooLarge,    // more bytes than the entry has left
        Failed,      // the file cannot be opened
    };

    // Checks an append of `length` bytes at `offset`; `stored` receives the entry's offset.
    // The append keeps the store alive: its fdatasync may finish on a pool thread after the
    // endpoint that started it is gone, and its claim must still be released in that store.
    static std::unique_ptr<ResumableAppend> begin(std::shared_ptr<ResumableUploads> store,
                                                  const QString &id, qint64 offset, qint64 length,
                                                  Outcome *outcome, qint64 *stored);
    ~ResumableAppend();

    // Closes the file and gives the claim back now: called before the answer goes out, so a
    // client that sends its next append the moment it reads the answer finds the entry free
    // (the pool thread that synced may still hold a reference for a while).
    void finish();

    bool write(const char *data, qint64 size);
    qint64 remaining() const { return m_remaining; }
    qint64 offset() const { return m_offset; }
    // The descriptor to fdatasync (from a pool thread) before the offset is acknowledged.
    int descriptor() const { return m_file.handle(); }

private:
    ResumableAppend(std::shared_ptr<ResumableUploads> store, QString id);

    const std::shared_ptr<ResumableUploads> m_store;
    QString m_id;
    QFile m_file;
    qint64 m_offset = 0;
    qint64 m_remaining = 0;
    bool m_finished = false;
};

} // namespace liveview::internal
