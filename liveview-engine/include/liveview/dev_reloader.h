#pragma once
// Development mode: watches templates and CSS under a source directory; a saved template is
// compiled again and every connected view that renders it re-renders with its state kept, a saved
// stylesheet is swapped in the browsers without a reload. A template that does not compile is
// shown in the pages that render it until it is saved fixed (src/devreload/template_error_view.h).

#include <QObject>
#include <QSet>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace liveview {

class DevReloader : public QObject
{
    Q_OBJECT
public:
    // `resourcesDirectory` holds templates/ and assets/ (the repository's resources/).
    explicit DevReloader(const QString &resourcesDirectory, QObject *parent = nullptr);
    ~DevReloader() override;

    // The process-wide instance live channels listen to (null outside development mode).
    static DevReloader *instance();

    QString resourcesDirectory() const { return m_root; }
    // Called by the watcher; public so tests can trigger a reload deterministically.
    void fileChanged(const QString &path);

signals:
    void templatesChanged();
    void stylesheetChanged(const QString &urlPath);

private:
    void watchAll();
    QString m_root;
    QFileSystemWatcher *m_watcher;
    // The watcher's notices wait for the files to be quiet a moment (see the constructor).
    QTimer *m_settle;
    QSet<QString> m_unsettled;
};

} // namespace liveview
