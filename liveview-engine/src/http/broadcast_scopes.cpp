// Installs the socket thread's broadcast scopes into PubSub's per-thread delivery hooks.
#include "broadcast_scopes.h"

#include "../channel/shared_diff_encoding.h"
#include "../channel/shared_render_memo.h"
#include "../pubsub/delivery_scope.h"
#include "../render/row_memo.h"
#include "direct_write_socket.h"

namespace liveview::internal {

void installBroadcastScopes()
{
    // Opened in this order and closed in reverse: the frames are sent last, after the memo and
    // the encoding have served every view.
    DeliveryScope::install<DirectWriteSocket::SendBatch>();
    DeliveryScope::install<RowMemo::Scope>();
    DeliveryScope::install<SharedDiffEncoding::Scope>();
    DeliveryScope::install<SharedRenderMemo::Scope>();
}

} // namespace liveview::internal
