#pragma once
// Fixtures of whole spec files: select.spec.js (/select), form-unsaved.spec.js (/form-unsaved),
// the dynamic inputs and phx-feedback-for tests of forms.spec.js (/form/dynamic-inputs,
// /form/feedback), components.spec.js (/components) and the stream rendered inside a
// comprehension of streams.spec.js (/stream/inside-for).
// One header per fixture; this one gathers them (registerSpecLivesDComponents is declared in
// form_dynamic_inputs_live.h).

#include "components_live.h"
#include "form_dynamic_inputs_live.h"
#include "form_feedback_live.h"
#include "form_unsaved_live.h"
#include "select_live.h"
#include "stream_inside_for_live.h"
