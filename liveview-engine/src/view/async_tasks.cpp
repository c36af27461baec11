// Thread-pool execution of view tasks with generation-checked, cancellable delivery.
#include "async_tasks.h"

#include "view_runtime.h"

#include <QThreadPool>

namespace liveview::internal {

QVariantMap asyncAssignValue(const AsyncDone &done)
{
    if (!done.error.isEmpty())
        return {{QStringLiteral("failed"), done.error}};
    return {{QStringLiteral("ok"), true}, {QStringLiteral("result"), done.result}};
}

AsyncTasks::~AsyncTasks()
{
    for (const Running &r : std::as_const(m_running))
        r.cancelled->store(true);
}

void AsyncTasks::start(const QString &name, bool isAssign, Work work, int cid)
{
    cancel(name, cid); // a new run supersedes the old one
    Running running{m_nextGeneration++, std::make_shared<std::atomic_bool>(false)};
    m_running.insert(keyOf(name, cid), running);
    std::weak_ptr<InfoMailbox> mailbox = m_mailbox;
    QThreadPool::globalInstance()->start([=, work = std::move(work)] {
        if (running.cancelled->load())
            return;
        AsyncDone done{name, running.generation, isAssign, {}, {}, cid};
        try {
            done.result = work(*running.cancelled);
        } catch (const std::exception &e) {
            done.error = QString::fromUtf8(e.what());
        } catch (...) {
            done.error = QStringLiteral("unknown error");
        }
        if (running.cancelled->load())
            return;
        if (auto box = mailbox.lock()) // gone with the view: nothing to deliver to
            box->post(QVariant::fromValue(done));
    });
}

void AsyncTasks::cancel(const QString &name, int cid)
{
    auto it = m_running.find(keyOf(name, cid));
    if (it == m_running.end())
        return;
    it->cancelled->store(true);
    m_running.erase(it);
}

bool AsyncTasks::accept(const AsyncDone &done)
{
    auto it = m_running.find(keyOf(done.name, done.cid));
    if (it == m_running.end() || it->generation != done.generation || it->cancelled->load())
        return false;
    m_running.erase(it);
    return true;
}

} // namespace liveview::internal
