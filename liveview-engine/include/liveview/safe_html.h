#pragma once
// Markup that a template outputs verbatim instead of escaping it (the `raw(...)` helper).

#include <QMetaType>
#include <QString>

namespace liveview {

struct SafeHtml
{
    QString html;
    bool operator==(const SafeHtml &other) const { return html == other.html; }
};

} // namespace liveview

Q_DECLARE_METATYPE(liveview::SafeHtml)
