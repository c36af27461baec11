#pragma once
// Presence for views: presences are tracked per view mailbox, so that a view's end (crashed or
// not) removes all of its. The public Presence (liveview/presence.h) names no mailbox.

#include <QString>
#include <QVariantMap>
#include <memory>

namespace liveview::internal {

class InfoMailbox;

class ViewPresence
{
public:
    // Used by LiveView::trackPresence() and untrackPresence(); each change is announced to the
    // topic's subscribers as a presence_diff.
    static void track(const std::shared_ptr<InfoMailbox> &owner, const QString &topic,
                      const QString &key, QVariantMap meta);
    static void untrack(const std::shared_ptr<InfoMailbox> &owner, const QString &topic,
                        const QString &key);
    // Everything `owner` tracked (its view ended).
    static void untrackAll(const InfoMailbox *owner);
};

} // namespace liveview::internal
