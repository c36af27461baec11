// The fixture server's page script: the LiveSocket the suite's layouts create, with the options
// each layout passes (chosen by path, since one root layout serves every fixture here).
import { LiveSocket } from "/assets/phoenix_live_view/phoenix_live_view.esm.js";
import { hooks as colocatedHooks, default as colocated } from "/assets/colocated/index.js";
import { feedbackForDom } from "/assets/e2e/feedback_for.js";

const path = window.location.pathname;
const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");

// Hooks of the default layout: both answer the server's ping with "pong".
const Hooks = {
  FormHook: {
    mounted() {
      this.pushEvent("ping", {}, () => (this.el.innerText += "pong"));
    },
  },
  FormStreamHook: {
    mounted() {
      this.pushEvent("ping", {}, () => (this.el.innerText += "pong"));
    },
  },
};

const Uploaders = {
  TestExternal(entries) {
    entries.forEach((entry) => {
      document.documentElement.dataset.externalUploadStarted = entry.ref;
      entry.onCancel?.(() => {
        document.documentElement.dataset.externalUploadAborted = entry.ref;
      });
    });
  },
};

function optionsFor(pathname) {
  if (pathname.startsWith("/navigation")) return { reloadJitterMin: 50, reloadJitterMax: 500 };
  if (pathname === "/form/feedback") return { dom: feedbackForDom() };
  if (pathname === "/errors")
    return {
      reloadJitterMin: 50,
      reloadJitterMax: 50,
      maxReloads: 5,
      failsafeJitter: 1000,
      maxChildJoinTries: 3,
      rejoinAfterMs: () => 50,
    };
  return {};
}

const query = new URLSearchParams(window.location.search);
const liveSocket = new LiveSocket("/live", window.Phoenix.Socket, {
  params: { _csrf_token: csrfToken },
  hooks: { ...Hooks, ...window.hooks, ...colocatedHooks },
  uploaders: Uploaders,
  cascadePhxRemoveOnNavigation: query.get("cascadePhxRemoveOnNavigation") !== "false",
  ...optionsFor(path),
});

if (path.startsWith("/navigation")) {
  window.liveNavigationPreventEnabled = false;
  window.addEventListener("phx:before-navigate", (e) => {
    console.log("before navigate event", JSON.stringify(e.detail));
    if (window.liveNavigationPreventEnabled) e.preventDefault();
  });
  window.addEventListener("phx:navigate", (e) => {
    console.log("navigate event", JSON.stringify(e.detail));
  });
  window.addEventListener("change", (e) => {
    if (e.target && e.target.id === "prevent-navigation-toggle")
      window.liveNavigationPreventEnabled = e.target.checked;
  });
}

liveSocket.connect();
window.liveSocket = liveSocket;
if (path === "/colocated") colocated.js_exec(liveSocket);
