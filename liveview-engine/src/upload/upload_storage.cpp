// The temporary-file directory of uploads, its sweep, and safe file names.
#include "liveview/upload.h"

#include "live_upload_files.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcUpload, "liveview.upload")

namespace liveview {
namespace {

struct StorageState
{
    QMutex lock;
    QString directory;
};

StorageState &state()
{
    static StorageState s;
    return s;
}

} // namespace

void UploadStorage::setDirectory(const QString &directory)
{
    QMutexLocker locker(&state().lock);
    state().directory = directory.isEmpty() ? QString() : QDir(directory).absolutePath();
}

QString UploadStorage::directory()
{
    QMutexLocker locker(&state().lock);
    return state().directory;
}

QString UploadStorage::channelDirectory()
{
    const QString root = directory();
    return root.isEmpty() ? QString() : root + QStringLiteral("/channel");
}

int UploadStorage::sweep(const QString &directory, const QDateTime &olderThan)
{
    if (directory.isEmpty())
        return 0;
    const QDateTime limit = olderThan.isValid() ? olderThan : QDateTime::currentDateTimeUtc();
    int removed = 0;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString path = it.next();
        // A file being written by this process is not an orphan, whatever its age.
        if (internal::LiveUploadFiles::contains(path))
            continue;
        if (QFileInfo(path).lastModified() > limit)
            continue;
        if (QFile::remove(path))
            ++removed;
    }
    if (removed)
        qCInfo(lcUpload) << "swept" << removed << "orphaned upload files from" << directory;
    return removed;
}

QString UploadStorage::safeFileName(const QString &name, const QString &fallback)
{
    // Only the last path component the client named, then only harmless characters.
    QString base = name;
    base.replace(u'\\', u'/');
    base = base.section(u'/', -1);
    QString out;
    out.reserve(qMin<qsizetype>(base.size(), 200));
    for (const QChar c : std::as_const(base)) {
        if (out.size() >= 200)
            break;
        const char16_t u = c.unicode();
        const bool safe = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                          (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-';
        if (safe)
            out.append(c);
    }
    // Leading dots would make a hidden file or "." / ".."; a name of only dots is nothing.
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    return out.isEmpty() ? fallback : out;
}

} // namespace liveview
