#include "shared_diff_encoding.h"

#include <QJsonDocument>

namespace liveview::internal {
namespace {
thread_local SharedDiffEncoding *currentEncoding = nullptr;
} // namespace

SharedDiffEncoding *SharedDiffEncoding::current()
{
    return currentEncoding;
}

SharedDiffEncoding::Scope::Scope() : m_encoding(new SharedDiffEncoding), m_previous(currentEncoding)
{
    currentEncoding = m_encoding;
}

SharedDiffEncoding::Scope::~Scope()
{
    currentEncoding = m_previous;
    delete m_encoding;
}

QByteArray SharedDiffEncoding::encode(const QJsonObject &diff)
{
    {
        QMutexLocker locker(&m_mutex);
        for (const auto &[known, bytes] : m_variants)
            if (known == diff)
                return bytes; // implicitly shared: no copy
    }
    // Serialised outside the lock: two threads may race to encode the same diff; both results
    // are correct and only one is kept.
    QByteArray bytes = QJsonDocument(diff).toJson(QJsonDocument::Compact);
    QMutexLocker locker(&m_mutex);
    ++m_encodings;
    if (m_variants.size() < maxVariants)
        m_variants.emplace_back(diff, bytes);
    return bytes;
}

int SharedDiffEncoding::encodings() const
{
    QMutexLocker locker(&m_mutex);
    return m_encodings;
}

} // namespace liveview::internal
