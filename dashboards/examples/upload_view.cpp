// The upload example: validate on change, cancel an entry, save (consume) into the data directory.
#include "upload_view.h"

#include <liveview/resumable_uploads.h>
#include <liveview/upload.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace livedeck::examples {

QString UploadView::savedFilesDirectory()
{
    const QString temporary = liveview::UploadStorage::directory();
    return temporary.isEmpty() ? QString()
                               : QFileInfo(temporary).dir().filePath(QStringLiteral("uploads"));
}

QString UploadView::errorText(const QString &reason)
{
    if (reason == liveview::upload_errors::tooLarge)
        return QStringLiteral("Too large");
    if (reason == liveview::upload_errors::tooManyFiles)
        return QStringLiteral("You have selected too many files");
    if (reason == liveview::upload_errors::notAccepted)
        return QStringLiteral("You have selected an unacceptable file type");
    return QStringLiteral("Something went terribly wrong");
}

void UploadView::mount(const QVariantMap &params, const QVariantMap &session)
{
    setPageTitle(QStringLiteral("Upload"));
    const bool big = params.value(QStringLiteral("big")).toString() == u"1";
    liveview::UploadOptions options;
    options.accept = {QStringLiteral(".txt"), QStringLiteral(".png"), QStringLiteral(".jpg")};
    options.maxEntries = 3;
    options.maxFileSize = 8'000'000;
    options.chunkSize = 64'000;
    options.autoUpload = params.value(QStringLiteral("auto")).toString() == u"1";
    if (big) {
        options.accept << QStringLiteral(".bin");
        options.maxEntries = 20;
        options.maxFileSize = 4'000'000'000;
    }
    // Beyond Phoenix: the files go to the resumable endpoint in appends that survive a lost
    // connection or a server restart (docs/uploads.md, "Resumable uploads").
    if (params.value(QStringLiteral("resumable")).toString() == u"1")
        options.external = liveview::ResumableUploads::external(
            session.value(QStringLiteral("session_id")).toString());
    allowUpload(QStringLiteral("files"), options);
    assign(QStringLiteral("saved"), QVariantList());
}

void UploadView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate")
        return; // the entries were registered and checked before this call
    if (event == u"cancel")
        cancelUpload(QStringLiteral("files"), value.value(QStringLiteral("ref")).toString());
    else if (event == u"save")
        save();
    else
        LiveView::handleEvent(event, value);
}

void UploadView::save()
{
    const QString directory = savedFilesDirectory();
    QDir().mkpath(directory);
    const QVariantList saved = consumeUploadedEntries(
        QStringLiteral("files"), [&](const QString &path, const liveview::UploadEntry &entry) {
            // Never a path from the client: its name reduced to safe characters, made unique.
            const QString name = liveview::UploadStorage::safeFileName(entry.clientName);
            QString target = QDir(directory).filePath(name);
            for (int n = 1; QFileInfo::exists(target); ++n) {
                const QFileInfo info(name);
                const QString suffix =
                    info.completeSuffix().isEmpty() ? QString() : u'.' + info.completeSuffix();
                target = QDir(directory).filePath(
                    QStringLiteral("%1-%2%3").arg(info.baseName()).arg(n).arg(suffix));
            }
            // A resumable upload's bytes are in the resumable store, not a temporary file.
            const QString resumableId = entry.meta.value(QStringLiteral("id")).toString();
            const QString source =
                resumableId.isEmpty() ? path : liveview::ResumableUploads::completedFileOf(entry);
            if (source.isEmpty())
                return liveview::ConsumeResult::later(); // not every byte arrived (yet)
            // Same file system as the temporary file: a rename, whatever the size.
            if (!QFile::rename(source, target) && !QFile::copy(source, target))
                return liveview::ConsumeResult::later(); // kept: the user may try again
            if (!resumableId.isEmpty())
                liveview::ResumableUploads::shared()->discard(resumableId);
            return liveview::ConsumeResult::ok(
                QVariantMap{{QStringLiteral("name"), QFileInfo(target).fileName()},
                            {QStringLiteral("size"), entry.clientSize}});
        });
    QVariantList all = assigned(QStringLiteral("saved")).toList();
    for (const QVariant &file : saved)
        if (file.toMap().contains(QStringLiteral("name")))
            all.append(file);
    assign(QStringLiteral("saved"), all);
}

liveview::Template UploadView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/upload.heex"));
}

} // namespace livedeck::examples
