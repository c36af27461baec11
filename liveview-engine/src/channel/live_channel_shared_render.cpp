// Broadcasts rendered once for the views that share a key (LiveView::sharedRenderKey and
// shared_render_memo.h): the leader renders, the followers send its diff and keep the message.
#include "connection.h"
#include "live_channel.h"
#include "protocol_keys.h"
#include "shared_diff_encoding.h"
#include "shared_render_memo.h"

#include "../view/view_runtime.h"
#include "liveview/live_view.h"

#include <QJsonDocument>
#include <typeinfo>

namespace liveview::internal {

QByteArray LiveChannel::sharedKey() const
{
    // What the client holds is the leader's state while a skipped message waits.
    if (m_shared)
        return m_shared->keyShown;
    const LiveView *view = m_runtime->view();
    const QByteArray own = view->sharedRenderKey();
    if (own.isEmpty())
        return {};
    // The class, and the next cid: two views agree on their components' cids only if they
    // created the same components.
    return QByteArray(typeid(*view).name()) + '\0' +
           QByteArray::number(m_runtime->components().nextCid()) + '\0' + own;
}

bool LiveChannel::deliverShared(const QVariant &message)
{
    SharedRenderMemo *memo = m_checkpointing ? nullptr : SharedRenderMemo::current();
    if (!memo)
        return false;
    const QByteArray key = sharedKey();
    if (key.isEmpty())
        return false;
    if (const SharedRenderMemo::Render *render = memo->find(key)) {
        if (!m_shared)
            m_shared.reset(new SharedRenderState);
        m_shared->skipped = message; // the older one, if any, is superseded (the key's promise)
        m_shared->keyShown = render->keyAfter;
        if (!render->encodedDiff.isEmpty())
            sendEncodedDiff(render->encodedDiff);
        SharedRenderMemo::countFollowed();
        return true;
    }
    catchUp();
    m_runtime->handleInfo(message);
    if (m_runtime->navigationPending()) {
        // Navigation is this view's own business: handled as usual, shared with no one.
        finishCallback(nullptr, SharedDiffEncoding::current());
        return true;
    }
    const int nextCidBefore = m_runtime->components().nextCid();
    const QJsonObject diff = m_runtime->renderDiff();
    QByteArray encoded;
    if (!diff.isEmpty()) {
        SharedDiffEncoding *encoding = SharedDiffEncoding::current();
        encoded =
            encoding ? encoding->encode(diff) : QJsonDocument(diff).toJson(QJsonDocument::Compact);
        sendEncodedDiff(encoded);
    }
    // New components got cids that the followers' tables would not have: not shareable.
    if (m_runtime->components().nextCid() != nextCidBefore)
        return true;
    const QByteArray keyAfter = sharedKey();
    if (!keyAfter.isEmpty()) {
        memo->remember(key, {encoded, keyAfter});
        SharedRenderMemo::countLed();
    }
    return true;
}

void LiveChannel::catchUp()
{
    if (!m_shared)
        return;
    const QVariant message = std::move(m_shared->skipped);
    const QByteArray shown = std::move(m_shared->keyShown);
    m_shared.reset();
    m_runtime->handleInfo(message);
    m_runtime->takeNavigation(); // the leader did not navigate (else it would not have shared)
    const QJsonObject diff = m_runtime->renderDiff();
    // The client already shows this state: the leader's diff brought it. Should this view have
    // come out elsewhere (it broke the key's promise), its own diff brings the page to its state.
    if (!diff.isEmpty() && sharedKey() != shown)
        pushDiff(diff, nullptr);
}

void LiveChannel::sendEncodedDiff(const QByteArray &encodedDiff)
{
    if (m_diffFrameHead.isEmpty()) // [joinRef,null,"lv:phx-…","diff",
        m_diffFrameHead = encodeFrameHead(m_joinRef, QJsonValue(), m_topic, events::diff);
    m_connection->sendParts(m_diffFrameHead, encodedDiff, "]");
}

} // namespace liveview::internal
