// File watching for --dev: recompile templates, tell channels to re-render, tell pages about CSS.
#include "liveview/dev_reloader.h"

#include "liveview/template.h"

#include <QDir>
#include <QDirIterator>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QTimer>
#include <utility>

Q_LOGGING_CATEGORY(lcDev, "liveview.dev")

namespace liveview {
namespace {
DevReloader *current = nullptr;
const QString assetPrefix = QStringLiteral("/assets/");
} // namespace

DevReloader::DevReloader(const QString &resourcesDirectory, QObject *parent)
    : DevReloader({resourcesDirectory + QStringLiteral("/templates")},
                  {resourcesDirectory + QStringLiteral("/assets")}, parent)
{
}

DevReloader::DevReloader(QStringList templateDirectories, QStringList assetDirectories,
                         QObject *parent)
    : QObject(parent), m_templateDirectories(std::move(templateDirectories)),
      m_assetDirectories(std::move(assetDirectories)), m_watcher(new QFileSystemWatcher(this))
{
    TemplateLibrary::setDevelopmentRoots(m_templateDirectories);
    watchAll();
    // An editor saving in place truncates the file and then writes it: compiled at the first
    // notice, the template may be empty or half written (a flash of an empty page or of a
    // template error). Changes are taken once the files have been quiet for a moment.
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(30);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        m_unsettled.insert(path);
        m_settle->start();
    });
    connect(m_settle, &QTimer::timeout, this, [this] {
        for (const QString &path : std::exchange(m_unsettled, {}))
            fileChanged(path);
    });
    // Editors often save by writing a new file and renaming it: watch the folders too.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { watchAll(); });
    current = this;
    qCInfo(lcDev).noquote() << "development mode: watching"
                            << (m_templateDirectories + m_assetDirectories).join(u", ");
}

DevReloader::~DevReloader()
{
    if (current == this)
        current = nullptr;
    TemplateLibrary::setDevelopmentRoots({});
    TemplateLibrary::clearCache();
}

DevReloader *DevReloader::instance()
{
    return current;
}

QString DevReloader::assetFile(const QString &urlPath) const
{
    if (!urlPath.startsWith(assetPrefix) || urlPath.contains(QLatin1String("..")))
        return QString();
    for (const QString &dir : m_assetDirectories) {
        const QString path = dir + u'/' + urlPath.mid(assetPrefix.size());
        if (QFileInfo(path).isFile())
            return path;
    }
    return QString();
}

void DevReloader::watchTree(const QString &root, const QString &pattern, QStringList *files,
                            QStringList *dirs) const
{
    if (!QFileInfo(root).isDir())
        return;
    dirs->append(root);
    QDirIterator it(root, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files->append(it.next());
        dirs->append(it.fileInfo().absolutePath());
    }
}

void DevReloader::watchAll()
{
    QStringList files, dirs;
    for (const QString &dir : m_templateDirectories)
        watchTree(dir, QStringLiteral("*.heex"), &files, &dirs);
    for (const QString &dir : m_assetDirectories)
        watchTree(dir, QStringLiteral("*.css"), &files, &dirs);
    dirs.removeDuplicates();
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    for (const QString &path : files + dirs)
        if (!watched.contains(path))
            m_watcher->addPath(path);
}

void DevReloader::fileChanged(const QString &path)
{
    watchAll(); // a replaced file drops out of the watch list
    if (path.endsWith(QLatin1String(".css"))) {
        for (const QString &dir : m_assetDirectories) {
            const QString relative = QDir(dir).relativeFilePath(path);
            if (relative.startsWith(QLatin1String("..")))
                continue;
            qCInfo(lcDev).noquote() << "stylesheet changed:" << path;
            emit stylesheetChanged(assetPrefix + relative);
            return;
        }
        return;
    }
    qCInfo(lcDev).noquote() << "template changed:" << path;
    TemplateLibrary::clearCache();
    emit templatesChanged();
}

} // namespace liveview
