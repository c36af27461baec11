// LiveComponent defaults and the module registry.
#include "liveview/live_component.h"

#include "../view/async_tasks.h"
#include "../view/stream_table.h"
#include "component_table.h"

#include <QHash>
#include <QLoggingCategory>
#include <QReadWriteLock>

Q_DECLARE_LOGGING_CATEGORY(lcView)

namespace liveview {
namespace {
struct Modules
{
    QReadWriteLock lock;
    QHash<QString, LiveComponent::Factory> factories;
};
Modules &modules()
{
    static Modules m;
    return m;
}
} // namespace

LiveComponent::LiveComponent() = default;
LiveComponent::~LiveComponent() = default;

internal::StreamTable &LiveComponent::streams()
{
    if (!m_streams) // refs "<cid>-n": unique beside the view's and other components' streams
        m_streams = std::make_unique<internal::StreamTable>(QString::number(m_cid) + u'-');
    return *m_streams;
}

void LiveComponent::stream(const QString &name, const QVariantList &items, bool reset)
{
    streams().stream(name, items, reset);
    m_streams->publish(m_assigns);
}

void LiveComponent::streamInsert(const QString &name, const QVariant &item, int at,
                                 const QVariant &limit, bool updateOnly)
{
    streams().insert(name, item, at, limit, updateOnly);
    m_streams->publish(m_assigns);
}

void LiveComponent::streamDelete(const QString &name, const QVariant &item)
{
    streams().deleteItem(name, item);
    m_streams->publish(m_assigns);
}

void LiveComponent::streamDeleteByDomId(const QString &name, const QString &domId)
{
    streams().deleteByDomId(name, domId);
    m_streams->publish(m_assigns);
}

void LiveComponent::streamConfigure(const QString &name,
                                    std::function<QString(const QVariant &)> domId)
{
    streams().configure(name, std::move(domId));
}

void LiveComponent::handleAsync(const QString &name, const QVariant &, const QString &error)
{
    qCWarning(lcView) << "component" << m_cid << "ignored the result of async task" << name
                      << error;
}

bool LiveComponent::isConnected() const
{
    return m_table && m_table->isConnected();
}

void LiveComponent::assignAsync(const QString &key, AsyncWork work)
{
    if (!m_table || !m_table->asyncTasks())
        return;
    m_assigns.assign(key, QVariantMap{{QStringLiteral("loading"), true}});
    m_table->asyncTasks()->start(key, true, std::move(work), m_cid);
}

void LiveComponent::startAsync(const QString &name, AsyncWork work)
{
    if (m_table && m_table->asyncTasks())
        m_table->asyncTasks()->start(name, false, std::move(work), m_cid);
}

void LiveComponent::pushPatch(const QString &to, bool replace)
{
    if (m_table)
        m_table->navigate(internal::PageNavigation::Patch, to, replace);
}

void LiveComponent::pushNavigate(const QString &to, bool replace)
{
    if (m_table)
        m_table->navigate(internal::PageNavigation::Navigate, to, replace);
}

void LiveComponent::redirect(const QString &to)
{
    if (m_table)
        m_table->navigate(internal::PageNavigation::Redirect, to, false);
}

void LiveComponent::mount()
{
}

void LiveComponent::update(const QVariantHash &attributes)
{
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        m_assigns.assign(it.key(), it.value());
}

void LiveComponent::handleEvent(const QString &event, const QVariantMap &)
{
    qCWarning(lcView) << "component" << m_cid << "has no handler for event" << event;
}

void LiveComponent::registerModule(const QString &name, Factory factory)
{
    QWriteLocker locker(&modules().lock);
    modules().factories.insert(name, std::move(factory));
}

LiveComponent::Factory LiveComponent::module(const QString &name)
{
    QReadLocker locker(&modules().lock);
    return modules().factories.value(name);
}

} // namespace liveview
