// Starts the official LiveView client (served unmodified from /assets) against this server.
(function () {
  "use strict";
  const meta = document.querySelector("meta[name='csrf-token']");
  const csrfToken = meta ? meta.getAttribute("content") : "";
  // Hooks used by LiveDeck's own pages; an embedding page may add its own in window.LiveDeckHooks.
  const hooks = {
    // examples/hooks: pushes "ping" and shows the server's reply; reacts to pushed "highlight".
    Pinger: {
      mounted() {
        this.el.querySelector("button").addEventListener("click", () => {
          this.pushEvent("ping", {}, (reply) => {
            this.el.querySelector(".reply").textContent = `pong ${reply.pong}`;
          });
        });
        this.handleEvent("highlight", ({ color }) => {
          this.el.style.outline = `3px solid ${color}`;
          this.el.dataset.highlight = color;
        });
      },
    },
    // The chat's message pane (/chat): opens at the newest message and follows new ones while
    // the reader is at the bottom; older pages prepended above keep the reader where they were.
    ChatScroll: {
      mounted() {
        this.atBottom = true;
        this.el.scrollTop = this.el.scrollHeight;
        this.el.addEventListener("scroll", () => {
          this.atBottom = this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < 40;
        });
        const list = this.el.querySelector("ol");
        this.observer = new MutationObserver(() => {
          if (this.atBottom) this.el.scrollTop = this.el.scrollHeight;
        });
        if (list) this.observer.observe(list, { childList: true });
      },
      updated() {
        if (this.atBottom) this.el.scrollTop = this.el.scrollHeight;
      },
      destroyed() {
        if (this.observer) this.observer.disconnect();
      },
    },
  };
  const liveSocket = new LiveView.LiveSocket("/live", Phoenix.Socket, {
    params: { _csrf_token: csrfToken },
    hooks: Object.assign(hooks, window.LiveDeckHooks || {}),
    // External uploaders (LiveView's contract): resumable uploads to LiveDeck's own endpoint
    // (the engine's resumable_uploader.js); an embedding page may add its own in
    // window.LiveDeckUploaders.
    uploaders: Object.assign(
      { LiveViewResumable: window.LiveViewResumableUploads.uploader },
      window.LiveDeckUploaders || {},
    ),
  });
  liveSocket.connect();
  // Development mode (livedeck --dev): swap a saved stylesheet without reloading the page.
  window.addEventListener("phx:liveview:css-reload", (event) => {
    for (const link of document.querySelectorAll("link[rel=stylesheet]")) {
      if (new URL(link.href).pathname === event.detail.href) {
        link.href = `${event.detail.href}?v=${Date.now()}`;
      }
    }
  });
  // Exposed like Phoenix apps do, for debugging from the console (liveSocket.enableDebug()).
  window.liveSocket = liveSocket;
})();
