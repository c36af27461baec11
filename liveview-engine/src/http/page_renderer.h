#pragma once
// The first HTTP render of a live page: mount disconnected, render, wrap in the root layout.

#include "../channel/endpoint_context.h"
#include <QHostAddress>

#include <QByteArray>
#include <QUrl>

namespace liveview::internal {

struct PageResult
{
    int status = 200;
    QByteArray html;
};

// `flash` comes from a redirect (the __phoenix_flash__ cookie the client sets).
PageResult renderLivePage(const EndpointContext &context, const Router::Match &match,
                          const QUrl &url, const BrowserSession &session,
                          const QVariantMap &flash = {},
                          const QHostAddress &remoteAddress = QHostAddress());
PageResult renderErrorPage(int status, const QString &title, const QString &message);

// Random container id in Phoenix's style ("phx-" + url-safe characters).
QString newViewId();

} // namespace liveview::internal
