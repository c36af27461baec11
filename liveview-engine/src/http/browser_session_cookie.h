#pragma once
// The signed session cookie: a random session id and CSRF secret per browser.

#include "../channel/endpoint_context.h"

#include <QByteArray>

namespace liveview::internal {

inline constexpr char sessionCookieName[] = "_livedeck_session";

// Reads the session from a `Cookie:` header; an invalid or missing cookie gives an invalid session.
BrowserSession readSessionCookie(const TokenSigner &signer, const QByteArray &cookieHeader);
// A fresh session and the `Set-Cookie` value that stores it.
BrowserSession newBrowserSession();
QByteArray sessionSetCookie(const TokenSigner &signer, const BrowserSession &session);

} // namespace liveview::internal
