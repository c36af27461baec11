#pragma once
// The signed token that lets one entry's upload channel join: bound to the view, the upload, the
// entry and a nonce the view keeps, so it is single use, and short-lived.

#include "../session/token_signer.h"

#include <optional>

namespace liveview::internal {

struct UploadTokenClaims
{
    QString viewId;
    QString uploadRef;
    QString entryRef;
    QString nonce;
};

class UploadToken
{
public:
    static constexpr qint64 lifetimeSeconds = 600; // a join follows its preflight at once
    static QByteArray sign(const TokenSigner &signer, const UploadTokenClaims &claims);
    // The claims, or nothing with `error` saying why ("expired", "invalid").
    static std::optional<UploadTokenClaims> verify(const TokenSigner &signer,
                                                   const QByteArray &token, QString *error);
};

} // namespace liveview::internal
