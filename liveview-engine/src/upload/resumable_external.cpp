// Resumable uploads as a view's external uploader: preflight prepares, consume finds the file.
#include "liveview/resumable_uploads.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcResumable)

namespace liveview {
namespace {

QMutex sharedMutex;
std::shared_ptr<ResumableUploads> sharedStore;

const QString idKey = QStringLiteral("id");

} // namespace

std::shared_ptr<ResumableUploads> ResumableUploads::shared()
{
    QMutexLocker lock(&sharedMutex);
    return sharedStore;
}

void ResumableUploads::setShared(std::shared_ptr<ResumableUploads> store)
{
    QMutexLocker lock(&sharedMutex);
    sharedStore = std::move(store);
}

std::function<ExternalUpload(const UploadEntry &)>
ResumableUploads::external(const QString &browserSession, qint64 sliceBytes)
{
    return [browserSession, sliceBytes](const UploadEntry &entry) {
        const std::shared_ptr<ResumableUploads> store = shared();
        if (!store)
            return ExternalUpload::refuse(
                {{QStringLiteral("reason"), QStringLiteral("resumable uploads are off")}});
        // Name, size and date identify the file as well as a browser can tell; the session keeps
        // one user's entries from another's.
        const QString key = browserSession + u'|' + entry.clientName + u'|' +
                            QString::number(entry.clientLastModified);
        // Without a session nothing can tell two users apart: no resuming then.
        const std::optional<Upload> upload = store->prepare(
            browserSession.isEmpty() ? QString() : key, entry.clientSize, entry.clientName);
        if (!upload)
            return ExternalUpload::refuse(
                {{QStringLiteral("reason"), QStringLiteral("the upload cannot be stored")}});
        if (upload->offset > 0)
            qCInfo(lcResumable) << "resuming" << upload->id << "at" << upload->offset << "of"
                                << upload->size;
        return ExternalUpload::accept({{QStringLiteral("uploader"), QLatin1String(uploaderName)},
                                       {idKey, upload->id},
                                       {QStringLiteral("url"), upload->url},
                                       {QStringLiteral("chunk_size"), sliceBytes}});
    };
}

QString ResumableUploads::completedFileOf(const UploadEntry &entry)
{
    const std::shared_ptr<ResumableUploads> store = shared();
    const QString id = entry.meta.value(idKey).toString();
    if (!store || id.isEmpty())
        return {};
    const std::optional<Upload> upload = store->find(id);
    // The client's size is what the view validated; the stored entry must be that one.
    if (!upload || upload->size != entry.clientSize)
        return {};
    return store->completedFile(id);
}

} // namespace liveview
