#pragma once
// The streams of one view or live component: inserts and deletes queued under `@streams` until
// the next render sends them, then forgotten (the client keeps the elements).

#include "liveview/assigns.h"
#include "liveview/stream.h"

#include <QHash>
#include <QMap>
#include <functional>

namespace liveview::internal {

class StreamTable
{
public:
    // `refPrefix` keeps the client's stream refs unique in the page: a component's streams are
    // "<cid>-0", "<cid>-1", ... and a view's "0", "1", ..., as Phoenix names them (the client
    // resets a stream by its ref across the whole document).
    explicit StreamTable(QString refPrefix = QString());

    void stream(const QString &name, const QVariantList &items, bool reset);
    void insert(const QString &name, const QVariant &item, int at, const QVariant &limit,
                bool updateOnly);
    void deleteItem(const QString &name, const QVariant &item);
    void deleteByDomId(const QString &name, const QString &domId);
    void configure(const QString &name, std::function<QString(const QVariant &)> domId);

    // Sets `@streams` in `assigns`, marked changed: pending operations are news even when they
    // look alike.
    void publish(Assigns &assigns) const;
    // After a render went out: the operations are dropped (and `@streams` with them, unmarked).
    void clearOperations(Assigns &assigns);

private:
    StreamState &state(const QString &name);
    QString domId(const QString &name, const QVariant &item) const;
    void queueInsert(const QString &name, const QVariant &item, int at, const QVariant &limit,
                     bool updateOnly);
    QVariantMap assignValue() const;

    QString m_refPrefix;
    QMap<QString, StreamState> m_streams;
    QHash<QString, std::function<QString(const QVariant &)>> m_domIds;
};

} // namespace liveview::internal
