#pragma once
// The signed session cookie: a random session id and CSRF secret per browser.

#include "../channel/endpoint_context.h"

#include <QByteArray>

namespace liveview::internal {

// Reads the session from the cookie `cookieName` of a `Cookie:` header; an invalid or missing
// cookie gives an invalid session.
BrowserSession readSessionCookie(const TokenSigner &signer, const QByteArray &cookieName,
                                 const QByteArray &cookieHeader);
// A fresh session and the `Set-Cookie` value that stores it.
BrowserSession newBrowserSession();
QByteArray sessionSetCookie(const TokenSigner &signer, const QByteArray &cookieName,
                            const BrowserSession &session);
// The flash a full-page redirect left in the `__phoenix_flash__` cookie (empty if none or forged).
QVariantMap readFlashCookie(const TokenSigner &signer, const QByteArray &cookieHeader,
                            bool *present = nullptr);

} // namespace liveview::internal
