#pragma once
// Signed, expiring, single-entry URLs for the resumable upload endpoint.

#include "../session/token_signer.h"

#include <QString>
#include <memory>

namespace liveview::internal {

// A resumable upload URL is a capability: whoever holds it may append to exactly one stored
// entry, up to its declared size, until it expires. The token in the path carries the entry id
// and the declared size under the endpoint's HMAC key, so the endpoint needs no lookup to
// refuse a forged, altered or expired URL, and a URL for one entry never opens another.
class UploadUrlSigner
{
public:
    static constexpr const char *pathPrefix = "/uploads/resumable/";

    enum class Status
    {
        Valid,
        Unsigned, // not a token, or a signature that does not match
        Expired,
    };
    struct Claims
    {
        Status status = Status::Unsigned;
        QString entryId;
        qint64 size = -1;
        qint64 expiresAt = 0; // seconds since the epoch
    };

    explicit UploadUrlSigner(std::shared_ptr<const TokenSigner> signer);

    // The URL path for `entryId` of `size` bytes, valid for `ttlSeconds`.
    QString sign(const QString &entryId, qint64 size, qint64 ttlSeconds) const;
    // Reads the token from a request path (query ignored); anything else than a well-formed,
    // matching, unexpired token of this purpose is refused.
    Claims verify(QByteArrayView path) const;

private:
    std::shared_ptr<const TokenSigner> m_signer;
};

} // namespace liveview::internal
