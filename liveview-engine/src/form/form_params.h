#pragma once
// Decodes URL-encoded form bodies and query strings with Plug's nesting rules.

#include <QString>
#include <QVariantMap>

namespace liveview::internal {

// `user[name]=Jo&tags[]=a&tags[]=b` → {"user": {"name": "Jo"}, "tags": ["a", "b"]}; `+` is a space.
QVariantMap decodeFormParams(const QString &encoded);

} // namespace liveview::internal
