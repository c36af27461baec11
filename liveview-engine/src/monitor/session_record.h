#pragma once
// One joined live view's figures, written by its socket thread and read by monitor snapshots.

#include "liveview/monitor.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <memory>

namespace liveview::internal {

class ViewClassCounters;

// What every view on one socket shares: where it comes from and how far away it is.
struct ConnectionStats
{
    QHostAddress remoteAddress;
    QString userAgent; // interned: thousands of sockets of one browser share one string
    qint64 connectedAtMs = 0;
    std::atomic<int> heartbeatRttMs{-1};
};

// Counters are relaxed atomics: the socket thread adds, a snapshot reads a recent value. Strings
// set once at join are immutable afterwards; the few that change (user, topics) and the lazily
// allocated event history take the record's mutex, which only the owner and snapshots touch.
class SessionRecord
{
public:
    SessionRecord(quint64 id, std::shared_ptr<const ConnectionStats> connection);
    ~SessionRecord();

    const quint64 id;
    const std::shared_ptr<const ConnectionStats> connection;
    // Set before the record is registered; never written afterwards.
    QString topic;
    QString route;
    QString path;
    QString viewClass;
    QString browserSession;
    int restarts = 0;
    ViewClassCounters *viewClassCounters = nullptr;
    // Where Admin::disconnectSession posts the close; valid while the record is registered.
    QObject *connectionObject = nullptr;

    std::atomic<quint64> framesIn{0};
    std::atomic<quint64> framesOut{0};
    std::atomic<quint64> bytesIn{0};
    std::atomic<quint64> bytesOut{0};
    std::atomic<quint64> lastFrameOutBytes{0};
    std::atomic<quint64> events{0};

    void countIn(qsizetype bytes);
    void countOut(qsizetype bytes);
    void noteEvent(const QString &name, double durationMs);
    void setUser(const QString &user);
    void addTopic(const QString &topic);
    void removeTopic(const QString &topic);
    void end(SessionState state, const QString &reason);

    // A consistent copy for a snapshot; `withRecent` adds the recent events.
    SessionInfo info(bool withRecent) const;
    bool hasUser(const QString &user) const;
    qint64 endedAtMs() const;

private:
    struct History; // recent events and a duration histogram, allocated on the first event
    mutable QMutex m_mutex;
    QString m_user;
    QStringList m_topics;
    SessionState m_state = SessionState::Joined;
    qint64 m_endedAtMs = 0;
    QString m_endReason;
    std::unique_ptr<History> m_history;
};

} // namespace liveview::internal
