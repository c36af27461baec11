#include "upload_live.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace conformance {

using liveview::UploadOptions;

namespace {
UploadOptions avatarOptions()
{
    UploadOptions options;
    options.accept = {QStringLiteral(".txt"), QStringLiteral(".md")};
    options.maxEntries = 2;
    return options;
}
} // namespace

QString UploadLive::savedFilesDirectory()
{
    return QDir::temp().filePath(QStringLiteral("lvupload"));
}

void UploadLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("uploaded_files", QVariantList());
    allowUpload("avatar", avatarOptions());
}

void UploadLive::handleParams(const QVariantMap &params, const QUrl &)
{
    if (params.contains("auto_upload")) {
        UploadOptions options = avatarOptions();
        options.autoUpload = true;
        allowUpload("avatar", options);
    } else if (params.contains("external_upload")) {
        UploadOptions options = avatarOptions();
        options.autoUpload = true;
        options.external = [](const liveview::UploadEntry &) {
            return liveview::ExternalUpload::accept({{"uploader", "TestExternal"}});
        };
        allowUpload("avatar", options);
    }
}

void UploadLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate")
        return;
    if (event == u"cancel-upload") {
        cancelUpload("avatar", value.value("ref").toString());
        return;
    }
    if (event != u"save")
        return LiveView::handleEvent(event, value);
    const QString directory = savedFilesDirectory();
    QDir().mkpath(directory);
    const QVariantList saved =
        consumeUploadedEntries("avatar", [&](const QString &path, const liveview::UploadEntry &) {
            const QString name = QFileInfo(path).fileName();
            const QString destination = QDir(directory).filePath(name);
            QFile::remove(destination);
            if (!QFile::copy(path, destination))
                throw std::runtime_error("cannot copy the upload to " + destination.toStdString());
            return liveview::ConsumeResult::ok(
                QVariantMap{{"href", QStringLiteral("/tmp/lvupload/") + name}, {"name", name}});
        });
    QVariantList files = assigned("uploaded_files").toList();
    files.append(saved);
    assign("uploaded_files", files);
}

liveview::Template UploadLive::render() const
{
    static const liveview::Template t = liveview::Template::load("e2e/upload_live.heex");
    return t;
}

} // namespace conformance
