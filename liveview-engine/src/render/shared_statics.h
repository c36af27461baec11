#pragma once
// Sends each distinct statics array once per message: repeated ones move to a root template
// table `p` and nodes refer to them by index (the client resolves `"s": <int>` against it).

#include <QJsonObject>

namespace liveview::internal {

// Rewrites `rendered` (a join's rendered tree or a diff) in place. Component trees under `c` are
// left alone: templates do not cross into components on the client.
void shareRepeatedStatics(QJsonObject &rendered);

// Statics arrays rendered on this thread so far (every one is made by staticsJson). A render that
// made fewer than two has nothing to share and can skip the walk over its whole diff.
quint64 staticsArraysRendered();

} // namespace liveview::internal
