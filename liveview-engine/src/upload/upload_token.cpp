// Entry tokens: HMAC-signed claims under their own purpose, so no other token can stand in.
#include "upload_token.h"

namespace liveview::internal {
namespace {

const QString purpose = QStringLiteral("upload-entry");
const QString viewKey = QStringLiteral("v");
const QString uploadKey = QStringLiteral("u");
const QString entryKey = QStringLiteral("e");
const QString nonceKey = QStringLiteral("n");

} // namespace

QByteArray UploadToken::sign(const TokenSigner &signer, const UploadTokenClaims &claims)
{
    return signer.sign(purpose,
                       {{viewKey, claims.viewId},
                        {uploadKey, claims.uploadRef},
                        {entryKey, claims.entryRef},
                        {nonceKey, claims.nonce}},
                       lifetimeSeconds);
}

std::optional<UploadTokenClaims> UploadToken::verify(const TokenSigner &signer,
                                                     const QByteArray &token, QString *error)
{
    const TokenSigner::Result result = signer.verify(purpose, token);
    if (!result.isValid()) {
        *error = result.status == TokenSigner::Status::Expired ? QStringLiteral("expired token")
                                                               : QStringLiteral("invalid token");
        return std::nullopt;
    }
    UploadTokenClaims claims{
        result.claims.value(viewKey).toString(), result.claims.value(uploadKey).toString(),
        result.claims.value(entryKey).toString(), result.claims.value(nonceKey).toString()};
    if (claims.viewId.isEmpty() || claims.uploadRef.isEmpty() || claims.entryRef.isEmpty() ||
        claims.nonce.isEmpty()) {
        *error = QStringLiteral("invalid token");
        return std::nullopt;
    }
    return claims;
}

} // namespace liveview::internal
