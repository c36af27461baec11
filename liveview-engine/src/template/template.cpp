// Template loading (embedded resources or the development root), caching and the helper registry.
#include "liveview/template.h"

#include "compiled_template.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <atomic>

namespace liveview {
namespace {

struct Registry
{
    QReadWriteLock lock;
    QHash<QString, TemplateLibrary::Helper> helpers;
    QHash<QString, Template> components;
    QHash<QString, QString> componentFiles; // resolved lazily so registration order is free
    QHash<QString, Template> cache;         // by template name
    QStringList developmentRoots;
    QStringList roots; // the application's, in the order added
    // Bumped when the cache is cleared: each thread's copy (below) is dropped at its next use.
    std::atomic<quint64> generation{0};
};

// Each thread's own copy of the cache. A view looks its template up on every render, from every
// event-loop thread; the shared cache's read lock is one atomic word written by all of them,
// which moves between the cores' caches on every lookup.
struct ThreadCache
{
    quint64 generation = 0;
    QHash<QString, Template> templates;
};
thread_local ThreadCache threadCache;

Registry &registry()
{
    static Registry r;
    return r;
}

// The engine's own templates (liveview-engine/resources/templates), searched last.
const QString engineRoot = QStringLiteral(":/liveview/templates");

} // namespace

Template Template::compile(const QString &source, const QString &fileName)
{
    Template t;
    try {
        t.d = internal::compileTemplate(source, fileName);
    } catch (TemplateError &e) {
        // An error in a component this template uses already carries that component's source.
        if (e.source().isNull() && e.file() == fileName)
            e.setSource(source);
        throw;
    }
    return t;
}

Template Template::load(const QString &name)
{
    Registry &r = registry();
    const quint64 generation = r.generation.load(std::memory_order_acquire);
    if (threadCache.generation != generation) {
        threadCache.templates.clear();
        threadCache.generation = generation;
    }
    if (const auto mine = threadCache.templates.constFind(name);
        mine != threadCache.templates.cend())
        return *mine;
    {
        QReadLocker locker(&r.lock);
        auto it = r.cache.constFind(name);
        if (it != r.cache.cend()) {
            threadCache.templates.insert(name, *it);
            return *it;
        }
    }
    const QString path = TemplateLibrary::findTemplateFile(name);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        throw TemplateError(name, 1, 1,
                            QStringLiteral("template not found (looked in %1)")
                                .arg(TemplateLibrary::templateRoots().join(QStringLiteral(", "))));
    Template t = compile(QString::fromUtf8(file.readAll()), name);
    QWriteLocker locker(&r.lock);
    // Not kept if the cache was cleared while the file was read: this may be the old file.
    if (r.generation.load(std::memory_order_relaxed) == generation) {
        r.cache.insert(name, t);
        threadCache.templates.insert(name, t);
    }
    return t;
}

QString Template::fileName() const
{
    return d ? d->fileName : QString();
}

void TemplateLibrary::registerHelper(const QString &name, Helper helper)
{
    QWriteLocker locker(&registry().lock);
    registry().helpers.insert(name, std::move(helper));
}

void TemplateLibrary::registerComponent(const QString &name, const QString &templateName)
{
    QWriteLocker locker(&registry().lock);
    registry().componentFiles.insert(name, templateName);
    registry().components.remove(name);
}

void TemplateLibrary::registerComponent(const QString &name, const Template &compiledTemplate)
{
    QWriteLocker locker(&registry().lock);
    registry().components.insert(name, compiledTemplate);
}

const TemplateLibrary::Helper *TemplateLibrary::helper(const QString &name)
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    auto it = r.helpers.constFind(name);
    // Helpers are registered at startup before anything renders (see the header), so the hash
    // no longer changes and the pointer stays valid after the lock is released.
    return it == r.helpers.cend() ? nullptr : &*it;
}

Template TemplateLibrary::component(const QString &name)
{
    Registry &r = registry();
    QString file;
    {
        QReadLocker locker(&r.lock);
        auto it = r.components.constFind(name);
        if (it != r.components.cend())
            return *it;
        file = r.componentFiles.value(name);
    }
    if (file.isEmpty()) {
        // Convention: templates under components/ are function components by file name, so the
        // built-in <.link> needs no registration.
        const QString conventional = QStringLiteral("components/%1.heex").arg(name);
        if (findTemplateFile(conventional).isEmpty())
            return Template();
        file = conventional;
    }
    Template t = Template::load(file);
    QWriteLocker locker(&r.lock);
    r.components.insert(name, t);
    return t;
}

void TemplateLibrary::addTemplateRoot(const QString &root)
{
    QWriteLocker locker(&registry().lock);
    if (!registry().roots.contains(root))
        registry().roots.append(root);
}

QStringList TemplateLibrary::templateRoots()
{
    QReadLocker locker(&registry().lock);
    return registry().developmentRoots + registry().roots + QStringList{engineRoot};
}

void TemplateLibrary::setDevelopmentRoots(const QStringList &directories)
{
    QWriteLocker locker(&registry().lock);
    registry().developmentRoots = directories;
}

QString TemplateLibrary::findTemplateFile(const QString &name)
{
    for (const QString &root : templateRoots()) {
        const QString path = root + u'/' + name;
        if (QFile::exists(path))
            return path;
    }
    return QString();
}

void TemplateLibrary::clearCache()
{
    QWriteLocker locker(&registry().lock);
    registry().cache.clear();
    registry().generation.fetch_add(1, std::memory_order_release);
    // Components registered by file are compiled again on next use; compiled ones stay.
    for (auto it = registry().componentFiles.cbegin(); it != registry().componentFiles.cend(); ++it)
        registry().components.remove(it.key());
    for (auto it = registry().components.begin(); it != registry().components.end();) {
        if (it->fileName().startsWith(QLatin1String("components/")))
            it = registry().components.erase(it);
        else
            ++it;
    }
}

} // namespace liveview
