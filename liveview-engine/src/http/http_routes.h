#pragma once
// Answers a request for a plain HTTP route (Router::get/post): decodes it, checks its CSRF
// token, runs the handler and turns an exception into a 500.

#include "../channel/endpoint_context.h"

class QHttpServerRequest;

namespace liveview::internal {

// "GET", "POST", ... ("OTHER" for methods no route can name).
QByteArray httpMethodName(const QHttpServerRequest &request);
HttpResponse answerHttpRoute(const QHttpServerRequest &request, const Router::HttpMatch &match,
                             const EndpointContext &context);

} // namespace liveview::internal
