// Appends to a resumable upload entry under its claim.
#include "resumable_append.h"

namespace liveview::internal {

ResumableAppend::ResumableAppend(std::shared_ptr<ResumableUploads> store, QString id)
    : m_store(std::move(store)), m_id(std::move(id))
{
}

ResumableAppend::~ResumableAppend()
{
    finish();
}

void ResumableAppend::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_file.close();
    m_store->release(m_id);
}

std::unique_ptr<ResumableAppend> ResumableAppend::begin(std::shared_ptr<ResumableUploads> storePtr,
                                                        const QString &id, qint64 offset,
                                                        qint64 length, Outcome *outcome,
                                                        qint64 *stored)
{
    *stored = -1;
    ResumableUploads &store = *storePtr;
    const std::optional<ResumableUploads::Upload> upload = store.find(id);
    if (!upload) {
        *outcome = Outcome::Gone;
        return nullptr;
    }
    *stored = upload->offset;
    if (!store.tryClaim(id)) {
        *outcome = Outcome::Busy;
        return nullptr;
    }
    std::unique_ptr<ResumableAppend> append(new ResumableAppend(storePtr, id));
    // Unbuffered: each read from the socket goes straight to the kernel, nothing piles up here.
    append->m_file.setFileName(store.partPath(id));
    if (!append->m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        *outcome = Outcome::Failed;
        return nullptr;
    }
    // Read again under the claim: an append that ended meanwhile may have moved it.
    *stored = append->m_file.size();
    if (offset != *stored) {
        *outcome = Outcome::WrongOffset;
        return nullptr;
    }
    if (length > upload->size - *stored) {
        *outcome = Outcome::TooLarge;
        return nullptr;
    }
    append->m_offset = *stored;
    append->m_remaining = length;
    *outcome = Outcome::Ready;
    return append;
}

bool ResumableAppend::write(const char *data, qint64 size)
{
    size = qMin(size, m_remaining);
    if (m_file.write(data, size) != size)
        return false;
    m_offset += size;
    m_remaining -= size;
    return true;
}

} // namespace liveview::internal
