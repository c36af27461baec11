#pragma once
// Render once, send to many: within one broadcast on one socket thread, views that opted in with
// LiveView::sharedRenderKey() and hold the same key handle the message once. The first (the
// leader) handles and renders it and leaves its encoded diff here; the others (followers) send
// those bytes and keep the message to handle later, when something of their own happens.

#include <QByteArray>
#include <QHash>
#include <atomic>

namespace liveview::internal {

class SharedRenderMemo
{
public:
    struct Render
    {
        QByteArray encodedDiff; // the diff as sent (compact JSON); empty when nothing changed
        QByteArray keyAfter;    // the leader's key once it handled the message
    };

    // What a leader holding `key` left for this broadcast; null if none did yet.
    const Render *find(const QByteArray &key) const;
    void remember(const QByteArray &key, Render render);

    // The memo of the broadcast being delivered on this thread; null outside one.
    static SharedRenderMemo *current();

    // Process-wide counts, for tests and benchmarks: broadcasts a view rendered as a leader, and
    // ones it took from a leader.
    static quint64 ledCount();
    static quint64 followedCount();
    static void countLed();
    static void countFollowed();

    // Makes a memo current on this thread for its lifetime (socket threads install it as a
    // PubSub DeliveryScope); the memo is emptied when it opens and closes.
    class Scope
    {
    public:
        Scope();
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
    };

private:
    QHash<QByteArray, Render> m_renders;
};

} // namespace liveview::internal
