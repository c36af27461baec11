#pragma once
// Background work of one view: runs on the global thread pool, results come back through the
// view's mailbox, stale or cancelled results are dropped, everything is cancelled with the view.

#include <QHash>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>
#include <memory>

namespace liveview::internal {

class InfoMailbox;

// The message that carries a finished task back to the view's thread.
// A send_update made from another thread, carried to the view's thread.
struct ComponentUpdate
{
    QString module;
    QString id;
    QVariantHash attributes;
};

struct AsyncDone
{
    QString name;
    quint64 generation = 0;
    bool isAssign = false;
    QVariant result;
    QString error;
    int cid = 0; // the live component that started it (0: the view)
};

// What an assignAsync's assign becomes when its work is done: {ok: true, result} or
// {failed: "reason"} (the view's and the components' alike).
QVariantMap asyncAssignValue(const AsyncDone &done);

class AsyncTasks
{
public:
    explicit AsyncTasks(std::weak_ptr<InfoMailbox> mailbox) : m_mailbox(std::move(mailbox)) {}
    ~AsyncTasks();

    using Work = std::function<QVariant(const std::atomic_bool &cancelled)>;
    // `cid`: work of a live component; its names are its own (they never clash with the view's).
    void start(const QString &name, bool isAssign, Work work, int cid = 0);
    void cancel(const QString &name, int cid = 0);
    // True when `done` is the latest run of its name (and not cancelled): deliver it.
    bool accept(const AsyncDone &done);

private:
    static QString keyOf(const QString &name, int cid)
    {
        return cid ? QString::number(cid) + u'\n' + name : name;
    }
    struct Running
    {
        quint64 generation = 0;
        std::shared_ptr<std::atomic_bool> cancelled;
    };
    std::weak_ptr<InfoMailbox> m_mailbox;
    QHash<QString, Running> m_running;
    quint64 m_nextGeneration = 1;
};

} // namespace liveview::internal

Q_DECLARE_METATYPE(liveview::internal::AsyncDone)
Q_DECLARE_METATYPE(liveview::internal::ComponentUpdate)
