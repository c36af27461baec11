// Resumable upload URLs: TokenSigner tokens of their own purpose, carried in the path.
#include "upload_url_signer.h"

#include <QJsonObject>

namespace liveview::internal {
namespace {
const QString purpose = QStringLiteral("resumable-upload");
const QString entryClaim = QStringLiteral("e");
const QString sizeClaim = QStringLiteral("n");
const QString expiryClaim = QStringLiteral("exp");
} // namespace

UploadUrlSigner::UploadUrlSigner(std::shared_ptr<const TokenSigner> signer)
    : m_signer(std::move(signer))
{
}

QString UploadUrlSigner::sign(const QString &entryId, qint64 size, qint64 ttlSeconds) const
{
    const QByteArray token =
        m_signer->sign(purpose, {{entryClaim, entryId}, {sizeClaim, size}}, ttlSeconds);
    return QLatin1String(pathPrefix) + QString::fromLatin1(token);
}

UploadUrlSigner::Claims UploadUrlSigner::verify(QByteArrayView path) const
{
    Claims claims;
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path = path.first(query);
    if (!path.startsWith(QByteArrayView(pathPrefix)))
        return claims;
    const QByteArray token = path.sliced(qstrlen(pathPrefix)).toByteArray();
    const TokenSigner::Result result = m_signer->verify(purpose, token);
    if (result.status == TokenSigner::Status::Expired) {
        claims.status = Status::Expired;
        return claims;
    }
    if (!result.isValid())
        return claims;
    claims.entryId = result.claims.value(entryClaim).toString();
    claims.size = result.claims.value(sizeClaim).toInteger(-1);
    claims.expiresAt = result.claims.value(expiryClaim).toInteger();
    // An id is the store's file name: only what the store itself makes (hex) is accepted.
    const bool wellFormed =
        claims.size >= 0 && !claims.entryId.isEmpty() && claims.entryId.size() <= 64 &&
        std::all_of(claims.entryId.cbegin(), claims.entryId.cend(),
                    [](QChar c) { return isxdigit(c.unicode()) && c.unicode() < 128; });
    claims.status = wellFormed ? Status::Valid : Status::Unsigned;
    return claims;
}

} // namespace liveview::internal
