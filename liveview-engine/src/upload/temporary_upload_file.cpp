// A temporary upload file: random name, exclusive creation, append-only, removed with its owner.
#include "live_upload_files.h"
#include "liveview/upload.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>
#include <QUuid>

namespace liveview {
namespace internal {
namespace {

struct Registry
{
    QMutex lock;
    QSet<QString> paths;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void LiveUploadFiles::add(const QString &path)
{
    QMutexLocker locker(&registry().lock);
    registry().paths.insert(path);
}

void LiveUploadFiles::remove(const QString &path)
{
    QMutexLocker locker(&registry().lock);
    registry().paths.remove(path);
}

bool LiveUploadFiles::contains(const QString &path)
{
    QMutexLocker locker(&registry().lock);
    return registry().paths.contains(path);
}

int LiveUploadFiles::count()
{
    QMutexLocker locker(&registry().lock);
    return int(registry().paths.size());
}

} // namespace internal

struct TemporaryUploadFile::Private
{
    QFile file;
    QString error;
    bool released = false;
};

TemporaryUploadFile::TemporaryUploadFile(const QString &directory) : d(std::make_unique<Private>())
{
    if (directory.isEmpty() || !QDir().mkpath(directory)) {
        d->error = QStringLiteral("no upload directory");
        return;
    }
    // A random name the client has no say in, created exclusively: never an existing file.
    const QString name = QStringLiteral("lvu-") + QUuid::createUuid().toString(QUuid::Id128);
    d->file.setFileName(QDir(directory).filePath(name));
    if (!d->file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        d->error = d->file.errorString();
        return;
    }
    internal::LiveUploadFiles::add(d->file.fileName());
}

TemporaryUploadFile::~TemporaryUploadFile()
{
    const QString path = d->file.fileName();
    const bool created = internal::LiveUploadFiles::contains(path);
    d->file.close();
    if (created && !d->released)
        QFile::remove(path);
    if (created)
        internal::LiveUploadFiles::remove(path);
}

bool TemporaryUploadFile::isOpen() const
{
    return d->file.isOpen();
}

QString TemporaryUploadFile::errorString() const
{
    return d->error;
}

QString TemporaryUploadFile::path() const
{
    return d->file.fileName();
}

bool TemporaryUploadFile::append(const QByteArray &bytes)
{
    if (!d->file.isOpen())
        return false;
    if (d->file.write(bytes) != bytes.size()) {
        d->error = d->file.errorString();
        return false;
    }
    m_written += bytes.size();
    return true;
}

bool TemporaryUploadFile::finish()
{
    if (!d->file.isOpen())
        return d->error.isEmpty();
    const bool ok = d->file.flush();
    d->file.close();
    if (!ok)
        d->error = d->file.errorString();
    return ok;
}

void TemporaryUploadFile::release()
{
    d->released = true;
}

} // namespace liveview
