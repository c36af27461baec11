// The resumable upload store: declared entries in JSON beside their bytes, swept after expiry.
#include "liveview/resumable_uploads.h"

#include "upload_url_signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcResumable, "liveview.upload.resumable")

namespace liveview {
namespace {

constexpr int metaVersion = 1;
const QString partSuffix = QStringLiteral(".part");
const QString metaSuffix = QStringLiteral(".json");

struct Meta
{
    qint64 size = -1;
    qint64 expiresAt = 0;
    QString clientName;
};

std::optional<Meta> readMeta(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    if (json.value(QStringLiteral("v")).toInt() != metaVersion)
        return std::nullopt;
    Meta meta;
    meta.size = json.value(QStringLiteral("size")).toInteger(-1);
    meta.expiresAt = json.value(QStringLiteral("expires")).toInteger();
    meta.clientName = json.value(QStringLiteral("name")).toString();
    if (meta.size < 0)
        return std::nullopt;
    return meta;
}

bool writeMeta(const QString &path, const Meta &meta)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QJsonObject json{{QStringLiteral("v"), metaVersion},
                           {QStringLiteral("size"), meta.size},
                           {QStringLiteral("expires"), meta.expiresAt},
                           {QStringLiteral("name"), meta.clientName.left(1024)}};
    file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    return file.commit();
}

// The same key and size always name the same entry; the prefix keeps these hashes apart from
// any other use of the same text.
QString entryIdFor(const QString &resumeKey, qint64 size)
{
    QByteArray seed;
    if (resumeKey.isEmpty()) {
        seed = QByteArray::number(QDateTime::currentMSecsSinceEpoch()) +
               internal::TokenSigner::randomBytes(16);
    } else {
        seed = "liveview-resumable-v1|" + resumeKey.toUtf8() + '|' + QByteArray::number(size);
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(32));
}

} // namespace

ResumableUploads::ResumableUploads(QString directory,
                                   std::shared_ptr<const internal::TokenSigner> signer,
                                   qint64 lifetimeSeconds)
    : m_directory(std::move(directory)), m_lifetimeSeconds(qMax<qint64>(1, lifetimeSeconds)),
      m_urlSigner(std::make_unique<internal::UploadUrlSigner>(std::move(signer)))
{
    QDir().mkpath(m_directory);
    if (const int swept = sweepExpired())
        qCInfo(lcResumable) << "swept" << swept << "expired resumable uploads";
}

ResumableUploads::~ResumableUploads() = default;

QString ResumableUploads::partPath(const QString &id) const
{
    return m_directory + QLatin1Char('/') + id + partSuffix;
}

QString ResumableUploads::metaPath(const QString &id) const
{
    return m_directory + QLatin1Char('/') + id + metaSuffix;
}

std::optional<ResumableUploads::Upload>
ResumableUploads::prepare(const QString &resumeKey, qint64 size, const QString &clientName)
{
    if (size < 0)
        return std::nullopt;
    const QString id = entryIdFor(resumeKey, size);
    QMutexLocker lock(&m_mutex);
    const std::optional<Meta> existing = readMeta(metaPath(id));
    const bool resumes = existing && existing->size == size &&
                         existing->expiresAt >= QDateTime::currentSecsSinceEpoch();
    Meta meta{size, QDateTime::currentSecsSinceEpoch() + m_lifetimeSeconds, clientName};
    if (!writeMeta(metaPath(id), meta)) {
        qCWarning(lcResumable).noquote() << "cannot write" << metaPath(id);
        return std::nullopt;
    }
    QFile part(partPath(id));
    // An expired entry starts over, unless an append is still writing it.
    const bool fresh = !resumes && !m_appending.contains(id);
    if (!part.open(fresh ? QIODevice::WriteOnly | QIODevice::Truncate
                         : QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcResumable).noquote() << "cannot open" << part.fileName();
        return std::nullopt;
    }
    Upload upload;
    upload.id = id;
    upload.size = size;
    upload.offset = qMin(part.size(), size);
    upload.url = m_urlSigner->sign(id, size, m_lifetimeSeconds);
    return upload;
}

std::optional<ResumableUploads::Upload> ResumableUploads::find(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const std::optional<Meta> meta = readMeta(metaPath(id));
    if (!meta || meta->expiresAt < QDateTime::currentSecsSinceEpoch())
        return std::nullopt;
    const QFileInfo part(partPath(id));
    if (!part.exists())
        return std::nullopt;
    Upload upload;
    upload.id = id;
    upload.size = meta->size;
    upload.offset = part.size();
    return upload;
}

QString ResumableUploads::completedFile(const QString &id) const
{
    const std::optional<Upload> upload = find(id);
    return upload && upload->isComplete() ? partPath(id) : QString();
}

bool ResumableUploads::discard(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    const bool hadMeta = QFile::remove(metaPath(id));
    const bool hadPart = QFile::remove(partPath(id));
    return hadMeta || hadPart;
}

int ResumableUploads::sweepExpired()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QDir dir(m_directory);
    int swept = 0;
    const QStringList files = dir.entryList(QDir::Files);
    for (const QString &name : files) {
        const QString id = name.section(QLatin1Char('.'), 0, 0);
        if (m_appending.contains(id))
            continue;
        bool remove = false;
        if (name.endsWith(metaSuffix)) {
            const std::optional<Meta> meta = readMeta(dir.filePath(name));
            remove = !meta || meta->expiresAt < now;
            if (remove)
                QFile::remove(partPath(id));
        } else {
            // Bytes with no entry describing them (a crash between two removals, a stray file).
            remove = !dir.exists(id + metaSuffix);
        }
        if (remove && QFile::remove(dir.filePath(name)))
            ++swept;
    }
    return swept;
}

bool ResumableUploads::tryClaim(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    if (m_appending.contains(id))
        return false;
    m_appending.insert(id);
    return true;
}

void ResumableUploads::release(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_appending.remove(id);
}

} // namespace liveview
