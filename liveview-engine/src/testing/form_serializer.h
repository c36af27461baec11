#pragma once
// What the browser client sends for a form: its fields URL-encoded like URLSearchParams, with
// `_unused_` markers for fields the user has not touched (phx-change only).

#include "liveview/testing/html_document.h"

#include <QSet>
#include <QString>
#include <QVariantMap>

namespace liveview::testing::detail {

// `overrides` maps field names ("user[name]") to the values typed into them.
QString serializeForm(const HtmlElement &form, const QVariantMap &overrides,
                      const QSet<QString> &touched, bool withUnusedMarkers);

} // namespace liveview::testing::detail
