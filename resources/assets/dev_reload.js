// Development mode (livedeck --dev): shows template errors over open pages, and brings back a
// page whose layout did not compile once it does.
(function () {
  "use strict";
  const overlayId = "livedeck-dev-overlay";
  // The error each view reported, by view id, in the order they came: the last one is shown.
  const errors = new Map();
  let dismissed = false;

  function render() {
    let overlay = document.getElementById(overlayId);
    if (errors.size === 0 || dismissed) {
      if (overlay) overlay.remove();
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = overlayId;
      overlay.className = "dev-error-overlay";
      const dialog = document.createElement("div");
      dialog.className = "dev-error-dialog";
      const close = document.createElement("button");
      close.type = "button";
      close.className = "dev-error-close";
      close.setAttribute("aria-label", "Dismiss until the next error");
      close.textContent = "×";
      close.addEventListener("click", dismiss);
      const body = document.createElement("div");
      body.className = "dev-error-body";
      dialog.append(close, body);
      overlay.append(dialog);
      overlay.addEventListener("click", (event) => {
        if (event.target === overlay) dismiss();
      });
      document.body.append(overlay);
    }
    // The server escaped every piece of source and message in this markup (see
    // template_error_view.cpp): a template line holding <script> arrives as text.
    overlay.querySelector(".dev-error-body").innerHTML = [...errors.values()].pop();
  }

  function dismiss() {
    dismissed = true;
    render();
  }

  window.addEventListener("phx:liveview:template-error", (event) => {
    errors.delete(event.detail.view); // moved last: the newest error is the one shown
    errors.set(event.detail.view, event.detail.html);
    dismissed = false;
    render();
  });
  window.addEventListener("phx:liveview:template-fixed", (event) => {
    errors.delete(event.detail.view);
    render();
  });
  // A view left by live navigation never reports its fix: forget it.
  window.addEventListener("phx:page-loading-stop", () => {
    for (const view of [...errors.keys()]) {
      if (!document.getElementById(view)) errors.delete(view);
    }
    render();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.getElementById(overlayId)) dismiss();
  });

  // The page the server sends when the root layout itself does not compile has no live view
  // (and no socket) to hear of the fix: ask for the page again until it is something else.
  const errorPage = document.querySelector("[data-dev-reload]");
  if (!errorPage) return;
  const pollMs = 1000;
  async function poll() {
    try {
      const response = await fetch(location.href, { cache: "no-store" });
      const text = await response.text();
      const next = new DOMParser().parseFromString(text, "text/html").querySelector("[data-dev-reload]");
      if (!next || next.innerHTML !== errorPage.innerHTML) {
        location.reload();
        return;
      }
    } catch (error) {
      // The server is restarting: try again.
    }
    setTimeout(poll, pollMs);
  }
  setTimeout(poll, pollMs);
})();
