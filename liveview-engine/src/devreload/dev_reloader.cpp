// File watching for --dev: recompile templates, tell channels to re-render, tell pages about CSS.
#include "liveview/dev_reloader.h"

#include "liveview/template.h"

#include <QDirIterator>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QTimer>
#include <utility>

Q_LOGGING_CATEGORY(lcDev, "livedeck.dev")

namespace liveview {
namespace {
DevReloader *current = nullptr;
}

DevReloader::DevReloader(const QString &resourcesDirectory, QObject *parent)
    : QObject(parent), m_root(resourcesDirectory), m_watcher(new QFileSystemWatcher(this))
{
    TemplateLibrary::setDevelopmentRoot(m_root + QStringLiteral("/templates"));
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
    qCInfo(lcDev).noquote() << "development mode: watching" << m_root;
}

DevReloader::~DevReloader()
{
    if (current == this)
        current = nullptr;
    TemplateLibrary::setDevelopmentRoot(QString());
    TemplateLibrary::clearCache();
}

DevReloader *DevReloader::instance()
{
    return current;
}

void DevReloader::watchAll()
{
    QDirIterator it(m_root, {QStringLiteral("*.heex"), QStringLiteral("*.css")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList files, dirs{m_root};
    while (it.hasNext()) {
        files << it.next();
        dirs << it.fileInfo().absolutePath();
    }
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
        qCInfo(lcDev).noquote() << "stylesheet changed:" << path;
        emit stylesheetChanged(QStringLiteral("/assets/") + QFileInfo(path).fileName());
        return;
    }
    qCInfo(lcDev).noquote() << "template changed:" << path;
    TemplateLibrary::clearCache();
    emit templatesChanged();
}

} // namespace liveview
