#pragma once
// Development mode: watches templates and CSS in source directories; a saved template is
// compiled again and every connected view that renders it re-renders with its state kept, a saved
// stylesheet is swapped in the browsers without a reload. A template that does not compile is
// shown in the pages that render it until it is saved fixed (src/devreload/template_error_view.h).

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace liveview {

class DevReloader : public QObject
{
    Q_OBJECT
public:
    // `resourcesDirectory` holds templates/ and assets/ (an application's source resources).
    explicit DevReloader(const QString &resourcesDirectory, QObject *parent = nullptr);
    // Templates are read from `templateDirectories` before every template root, in this order,
    // and assets from `assetDirectories` before the embedded ones; all of them are watched.
    DevReloader(QStringList templateDirectories, QStringList assetDirectories,
                QObject *parent = nullptr);
    ~DevReloader() override;

    // The process-wide instance live channels listen to (null outside development mode).
    static DevReloader *instance();

    QStringList templateDirectories() const { return m_templateDirectories; }
    QStringList assetDirectories() const { return m_assetDirectories; }
    // The source file served for `urlPath` ("/assets/app.css"), or an empty string.
    QString assetFile(const QString &urlPath) const;
    // Called by the watcher; public so tests can trigger a reload deterministically.
    void fileChanged(const QString &path);

signals:
    void templatesChanged();
    void stylesheetChanged(const QString &urlPath);

private:
    void watchAll();
    void watchTree(const QString &root, const QString &pattern, QStringList *files,
                   QStringList *dirs) const;
    QStringList m_templateDirectories;
    QStringList m_assetDirectories;
    QFileSystemWatcher *m_watcher;
    // The watcher's notices wait for the files to be quiet a moment (see the constructor).
    QTimer *m_settle;
    QSet<QString> m_unsettled;
};

} // namespace liveview
