// Issuing and reading the signed browser session cookie.
#include "browser_session_cookie.h"

#include <QJsonObject>

namespace liveview::internal {
namespace {
constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 cookieTtlSeconds = 30LL * 24 * 3600;
} // namespace

BrowserSession readSessionCookie(const TokenSigner &signer, const QByteArray &cookieName,
                                 const QByteArray &cookieHeader)
{
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray pair = part.trimmed();
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0 || pair.left(eq) != cookieName)
            continue;
        const TokenSigner::Result r = signer.verify(purposes::sessionCookie, pair.mid(eq + 1));
        if (!r.isValid())
            return {};
        BrowserSession s;
        s.id = r.claims.value(claims::sessionId).toString();
        const auto csrf = QByteArray::fromBase64Encoding(
            r.claims.value(QStringLiteral("csrf")).toString().toLatin1(), b64);
        if (csrf)
            s.csrfSecret = *csrf;
        return s.isValid() ? s : BrowserSession{};
    }
    return {};
}

BrowserSession newBrowserSession()
{
    BrowserSession s;
    s.id = QString::fromLatin1(TokenSigner::randomBytes(18).toBase64(b64));
    s.csrfSecret = TokenSigner::randomBytes(32);
    return s;
}

QByteArray sessionSetCookie(const TokenSigner &signer, const QByteArray &cookieName,
                            const BrowserSession &session)
{
    const QByteArray token = signer.sign(
        purposes::sessionCookie,
        {{claims::sessionId, session.id},
         {QStringLiteral("csrf"), QString::fromLatin1(session.csrfSecret.toBase64(b64))}},
        cookieTtlSeconds);
    return cookieName + '=' + token +
           "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + QByteArray::number(cookieTtlSeconds);
}

QVariantMap readFlashCookie(const TokenSigner &signer, const QByteArray &cookieHeader,
                            bool *present)
{
    if (present)
        *present = false;
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray pair = part.trimmed();
        if (!pair.startsWith("__phoenix_flash__="))
            continue;
        if (present)
            *present = true;
        const TokenSigner::Result r = signer.verify(purposes::flash, pair.mid(18));
        if (r.isValid())
            return r.claims.value(QStringLiteral("flash")).toObject().toVariantMap();
    }
    return {};
}

} // namespace liveview::internal
