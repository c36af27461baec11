#pragma once
// A data source the tests drive by hand: snapshots and details are pushed by the test, actions
// are recorded instead of reaching a server.

#include <admin_data_source.h>

namespace livedeck::admin::testing {

class FakeDataSource final : public AdminDataSource
{
    Q_OBJECT
public:
    using AdminDataSource::AdminDataSource;

    QString description() const override { return QStringLiteral("test"); }
    bool canControlServer() const override { return controlsServer; }
    void refresh() override { ++refreshes; }
    void requestSessionDetail(quint64 id) override { detailRequests.append(id); }
    void disconnectSession(quint64 id) override
    {
        calls.append(QStringLiteral("disconnectSession %1").arg(id));
    }
    void disconnectUser(const QString &user) override
    {
        calls.append(QStringLiteral("disconnectUser ") + user);
    }
    void broadcast(const QString &topic, const QVariant &message) override
    {
        calls.append(QStringLiteral("broadcast %1 %2")
                         .arg(topic, message.toMap().value(QStringLiteral("text")).toString()));
    }
    void setDraining(bool draining) override
    {
        calls.append(QStringLiteral("setDraining %1").arg(draining));
    }
    void setServerRunning(bool running) override
    {
        calls.append(QStringLiteral("setServerRunning %1").arg(running));
    }

    void push(const liveview::MonitorSnapshot &snapshot) { emit snapshotReady(snapshot); }

    bool controlsServer = true;
    int refreshes = 0;
    QList<quint64> detailRequests;
    QStringList calls;
};

} // namespace livedeck::admin::testing
