#pragma once
// Encode once, send to many: the views of a thread that handle one broadcast share this object. A
// view that renders a diff equal to one already encoded for the same broadcast takes those bytes
// instead of serialising again (chat: one message, thousands of viewers, the same diff).

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <vector>

namespace liveview::internal {

class SharedDiffEncoding
{
public:
    // The compact JSON of `diff`; thread-safe.
    QByteArray encode(const QJsonObject &diff);
    int encodings() const; // how many distinct diffs were serialised (for tests and benchmarks)

    // The encoding of the broadcast being delivered on this thread; null outside one.
    static SharedDiffEncoding *current();

    // Makes an encoding current on this thread for its lifetime (one broadcast's batch: socket
    // threads install it as a PubSub DeliveryScope).
    class Scope
    {
    public:
        Scope();
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        SharedDiffEncoding *m_encoding;
        SharedDiffEncoding *m_previous;
    };

private:
    // Views with their own details (a per-user highlight, say) render different diffs; only the
    // first few variants are kept, so a broadcast whose every diff differs costs a bounded search.
    static constexpr size_t maxVariants = 4;
    mutable QMutex m_mutex;
    std::vector<std::pair<QJsonObject, QByteArray>> m_variants;
    int m_encodings = 0;
};

} // namespace liveview::internal
