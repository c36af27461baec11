#pragma once
// Issue fixtures of the suite (/issues/<number>) built on JS commands and live components: a
// modal closed by click-away, focus across a locked form, events of a view being replaced, cids
// coming back on the page, a component revived with its children, a hook outliving its element.
// One header per fixture; this one gathers them with the registration of their components.

#include "issue_3040_live.h"
#include "issue_3169_lives.h"
#include "issue_3448_live.h"
#include "issue_4066_lives.h"
#include "issue_4290_lives.h"
#include "issue_4350_lives.h"

namespace conformance {

// Registers the live component modules and function components of these fixtures (once).
void registerIssueComponentsC();

} // namespace conformance
