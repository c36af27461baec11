#pragma once
// The admin window's data when the server runs in this process: liveview::Monitor read directly.
// Snapshots are taken on a pool thread (20,000 sessions must not stall the GUI) and at most one
// at a time, at most every `minimumInterval`: a busy window never adds load to a busy server.

#include "admin_data_source.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <functional>

namespace livedeck::admin {

class InProcessSource final : public AdminDataSource
{
    Q_OBJECT
public:
    // Starts (true) or stops (false) this process's server; empty when the window cannot.
    using ServerSwitch = std::function<bool(bool run, QString *error)>;

    explicit InProcessSource(ServerSwitch serverSwitch,
                             std::chrono::milliseconds minimumInterval = std::chrono::seconds(1),
                             QObject *parent = nullptr);
    ~InProcessSource() override;

    QString description() const override;
    bool canControlServer() const override { return bool(m_serverSwitch); }
    void refresh() override;
    void requestSessionDetail(quint64 sessionId) override;
    void disconnectSession(quint64 sessionId) override;
    void disconnectUser(const QString &user) override;
    void broadcast(const QString &topic, const QVariant &message) override;
    void setDraining(bool draining) override;
    void setServerRunning(bool running) override;

private:
    void startSnapshot();
    void readLog();

    ServerSwitch m_serverSwitch;
    std::chrono::milliseconds m_minimumInterval;
    QFutureWatcher<liveview::MonitorSnapshot> m_snapshot;
    QTimer m_deferred;  // a snapshot asked for too soon after the last one
    QTimer m_heartbeat; // uptimes and charts move even when nothing else changes
    QElapsedTimer m_sinceLastStart;
    bool m_wanted = false;
    quint64 m_lastLogSeq = 0;
};

} // namespace livedeck::admin
