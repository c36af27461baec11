// LiveComponent defaults and the module registry.
#include "liveview/live_component.h"

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

LiveComponent::~LiveComponent() = default;

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
