#include "js_live.h"

namespace conformance {

void JsLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 0);
    // The commands as Phoenix.LiveView.JS encodes them (what the client reads from phx-click).
    assign("show_modal",
           R"([["show",{"time":50,"to":"#my-modal","transition":[["fade-in"],[],[]]}],)"
           R"(["set_attr",{"attr":["aria-expanded","true"],"to":"#my-modal"}],)"
           R"(["set_attr",{"attr":["open","true"],"to":"#my-modal"}]])");
    assign("hide_modal",
           R"([["hide",{"time":50,"to":"#my-modal","transition":[["fade-out"],[],[]]}],)"
           R"(["set_attr",{"attr":["aria-expanded","false"],"to":"#my-modal"}],)"
           R"(["remove_attr",{"attr":"open","to":"#my-modal"}]])");
    assign("toggle_modal",
           R"([["toggle",{"ins":[["fade-in"],[],[]],"outs":[["fade-out"],[],[]],"time":50,)"
           R"("to":"#my-modal"}],)"
           R"(["toggle_attr",{"attr":["aria-expanded","true","false"],"to":"#my-modal"}],)"
           R"(["toggle_attr",{"attr":["open","true"],"to":"#my-modal"}]])");
    assign("ignore_open", R"([["ignore_attrs",{"attrs":["open"]}]])");
}

void JsLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"increment")
        assign("count", assigned("count").toInt() + 1);
    else
        LiveView::handleEvent(event, value);
}

liveview::Template JsLive::render() const
{
    static const liveview::Template t = liveview::Template::compile(
        QStringLiteral(R"(<div id="my-modal" aria-expanded="false" style="display: none;">Test</div>

<button phx-click={@show_modal}>
  show modal
</button>

<button phx-click={@hide_modal}>
  hide modal
</button>

<button phx-click={@toggle_modal}>
  toggle modal
</button>

<details phx-mounted={@ignore_open}>
  <summary>Details</summary>
  <button phx-click="increment">{@count}</button>
</details>)"),
        QStringLiteral("e2e/js_live.heex"));
    return t;
}

} // namespace conformance
