#pragma once
// Every joined session's record, sharded so that joins on two threads and a snapshot rarely meet.

#include "session_record.h"

#include <functional>

namespace liveview::internal {

namespace SessionRegistry {

quint64 nextId();
void add(const std::shared_ptr<SessionRecord> &record);
// The record leaves the live set and is kept among the recently ended for a while.
void remove(const SessionRecord *record);

int count();
// Joined sessions in no particular order, then the recently ended ones (newest last).
QList<SessionInfo> snapshot();
std::optional<SessionInfo> find(quint64 id);
// Runs `action` on every registered record matching `match`, under its shard's lock: the record,
// and the connection object it names, stay alive meanwhile. Returns how many matched.
int visit(const std::function<bool(const SessionRecord &)> &match,
          const std::function<void(const SessionRecord &)> &action);

// Ended sessions are kept this long, and at most this many.
void setEndedRetention(qint64 ms, int maxCount);

} // namespace SessionRegistry

// Something a snapshot shows has changed; Monitor turns the flag into a coalesced signal.
void markMonitorChanged();
bool takeMonitorChanged();

} // namespace liveview::internal
