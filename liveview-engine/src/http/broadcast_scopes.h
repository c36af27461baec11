#pragma once
// The scopes a socket thread opens around each batch of a broadcast PubSub hands it.

namespace liveview::internal {

// On the thread that will deliver: frames go out back to back once every view has rendered
// (SendBatch), a row that reads only its item is rendered once (RowMemo), views rendering the
// same diff share its bytes (SharedDiffEncoding). Installing again does nothing.
void installBroadcastScopes();

} // namespace liveview::internal
