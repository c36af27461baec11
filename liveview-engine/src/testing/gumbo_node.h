#pragma once
// Small accessors over gumbo nodes shared by the DOM handles and the selector matcher.

#include <QString>
#include <gumbo.h>

namespace liveview::testing::detail {

inline const GumboVector &childrenOf(const GumboNode *n)
{
    return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

// Lower-case tag name, also for tags gumbo does not know (custom elements).
inline QString tagOf(const GumboNode *n)
{
    if (n->v.element.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromUtf8(gumbo_normalized_tagname(n->v.element.tag));
    GumboStringPiece piece = n->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QString::fromUtf8(piece.data, int(piece.length)).toLower();
}

} // namespace liveview::testing::detail
