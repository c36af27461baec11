// /form/feedback (forms.spec.js): counters and a feedback element whose attribute toggles.
#include "form_feedback_live.h"
#include "fixture_template.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

void FormFeedbackLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 0);
    assign("submit_count", 0);
    assign("validate_count", 0);
    assign("feedback", true);
}

void FormFeedbackLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate")
        assign("validate_count", assigned("validate_count").toInt() + 1);
    else if (event == u"submit")
        assign("submit_count", assigned("submit_count").toInt() + 1);
    else if (event == u"inc")
        assign("count", assigned("count").toInt() + 1);
    else if (event == u"dec")
        assign("count", assigned("count").toInt() - 1);
    else if (event == u"toggle-feedback")
        assign("feedback", !assigned("feedback").toBool());
    else
        LiveView::handleEvent(event, value);
}

// The form and the feedback element are function components upstream (for the client's
// phx-magic-id skipping, which this engine does not do): written out here.
Template FormFeedbackLive::render() const
{
    static const Template t = compiled(R"(<style>
  .phx-no-feedback {
    display: none;
  }
</style>
<p>Button Count: {@count}</p>
<p>Validate Count: {@validate_count}</p>
<p>Submit Count: {@submit_count}</p>
<button phx-click="inc" class="bg-blue-500 text-white p-4">+</button>
<button phx-click="dec" class="bg-blue-500 text-white p-4">-</button>

<form id="myform" name="test" phx-change="validate" phx-submit="submit">
  <input type="text" name="name" class="border border-gray-500" placeholder="type sth" />

  <input type="text" name="myfeedback" class="border border-gray-500" placeholder="myfeedback" />

  <button type="submit">Submit</button>
  <button type="reset">Reset</button>
</form>

<div phx-feedback-for={@feedback && "myfeedback"} data-feedback-container>
  I am visible, because phx-no-feedback is not set for myfeedback!
</div>

<button phx-click="toggle-feedback">Toggle feedback</button>)",
                                       "e2e/form_feedback_live.heex");
    return t;
}

} // namespace conformance
