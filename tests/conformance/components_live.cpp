// /components (components.spec.js): focus_wrap in a dropdown and in a plain container.
#include "components_live.h"
#include "fixture_template.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

void ComponentsLive::mount(const QVariantMap &, const QVariantMap &)
{
    // Upstream's layout loads Tailwind for this view; the root layout's utilities.css has the
    // `hidden` class the dropdown relies on.
    // JS.toggle(to: "#dropdown-menu") |> JS.focus_first(to: "#dropdown-content")
    assign("toggle_dropdown",
           R"([["toggle",{"to":"#dropdown-menu"}],["focus_first",{"to":"#dropdown-content"}]])");
    // JS.hide(to: "#dropdown-menu")
    assign("hide_dropdown", R"([["hide",{"to":"#dropdown-menu"}]])");
}

void ComponentsLive::handleParams(const QVariantMap &params, const QUrl &)
{
    const QVariant tab = params.value("tab");
    assign("active_tab", tab.isValid() ? tab.toString() : QStringLiteral("focus_wrap"));
}

Template ComponentsLive::render() const
{
    static const Template t = compiled(R"(<div class="p-6">
  <h1 class="text-2xl font-bold mb-6">Phoenix Components Demo</h1>

  <!-- Tab Navigation -->
  <div class="border-b border-gray-200 mb-6">
    <nav class="-mb-px flex space-x-8">
      <.link
        patch="/components?tab=focus_wrap"
        class={"whitespace-nowrap py-2 px-1 border-b-2 font-medium text-sm transition-colors " <> if(@active_tab == "focus_wrap", "border-blue-500 text-blue-600", "border-transparent text-gray-500 hover:text-gray-700 hover:border-gray-300")}
      >
        Focus Wrap
      </.link>
    </nav>
  </div>

  <!-- Tab Content -->
  <div class="mt-6">
    <div :if={@active_tab == "focus_wrap"}>
      <div class="space-y-6">
        <div>
          <h2 class="text-xl font-semibold mb-4">Phoenix.Component.focus_wrap Demo</h2>
          <p class="text-gray-600 mb-6">
            The focus_wrap component wraps tab focus around a container for accessibility.
            This is essential for modals, dialogs, and menus.
          </p>
        </div>

        <div class="space-y-4">
          <h3 class="text-lg font-medium">Dropdown Menu Example</h3>
          <p class="text-sm text-gray-600">
            Click the button to open a dropdown menu with focus wrapping.
          </p>

          <div class="relative inline-block">
            <button
              id="dropdown-button"
              phx-click={@toggle_dropdown}
              class="px-4 py-2 bg-gray-600 text-white rounded hover:bg-gray-700 focus:outline-none focus:ring-2 focus:ring-gray-500"
            >
              Options ▼
            </button>

            <div
              id="dropdown-menu"
              class="hidden absolute left-0 mt-2 bg-white border border-gray-300 rounded shadow-lg z-10"
            >
              <div id="dropdown-content" phx-hook="Phoenix.FocusWrap" class="py-1">
                <div id="dropdown-content-start" tabindex="0" aria-hidden="true"></div>
                <button
                  phx-click={@hide_dropdown}
                  class="block w-full text-left px-4 py-2 text-sm text-gray-700 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none"
                >
                  Edit Profile
                </button>
                <button
                  phx-click={@hide_dropdown}
                  class="block w-full text-left px-4 py-2 text-sm text-gray-700 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none"
                >
                  Settings
                </button>
                <button
                  phx-click={@hide_dropdown}
                  class="block w-full text-left px-4 py-2 text-sm text-gray-700 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none"
                >
                  Sign Out
                </button>
                <div id="dropdown-content-end" tabindex="0" aria-hidden="true"></div>
              </div>
            </div>
          </div>
        </div>

        <div class="space-y-4">
          <h3 class="text-lg font-medium">Simple Focus Container</h3>
          <p class="text-sm text-gray-600">
            A simple container that wraps focus. Notice how Tab navigation cycles within this box.
          </p>

          <div
            id="simple-focus-container"
            phx-hook="Phoenix.FocusWrap"
            class="border-2 border-dashed border-gray-300 p-4 rounded"
          >
            <div id="simple-focus-container-start" tabindex="0" aria-hidden="true"></div>
            <div class="space-y-3">
              <h4 class="font-medium">Focus Trapped Container</h4>
              <p class="text-sm text-gray-600">
                Tab through these elements and notice how focus cycles within this container.
              </p>

              <div class="grid grid-cols-2 gap-3">
                <button class="px-3 py-2 bg-green-600 text-white rounded hover:bg-green-700 focus:outline-none focus:ring-2 focus:ring-green-500">
                  Button 1
                </button>
                <button class="px-3 py-2 bg-green-600 text-white rounded hover:bg-green-700 focus:outline-none focus:ring-2 focus:ring-green-500">
                  Button 2
                </button>
              </div>

              <input
                type="text"
                placeholder="Input within container"
                class="w-full px-3 py-2 border border-gray-300 rounded focus:outline-none focus:ring-2 focus:ring-green-500"
              />
            </div>
            <div id="simple-focus-container-end" tabindex="0" aria-hidden="true"></div>
          </div>
        </div>
      </div>
    </div>
  </div>
</div>)",
                                       "e2e/components_live.heex");
    return t;
}

} // namespace conformance
