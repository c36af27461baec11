// Starts the official LiveView client (served unmodified from /assets) against this server.
(function () {
  "use strict";
  const meta = document.querySelector("meta[name='csrf-token']");
  const csrfToken = meta ? meta.getAttribute("content") : "";
  const liveSocket = new LiveView.LiveSocket("/live", Phoenix.Socket, {
    params: { _csrf_token: csrfToken },
    hooks: window.LiveDeckHooks || {},
  });
  liveSocket.connect();
  // Exposed like Phoenix apps do, for debugging from the console (liveSocket.enableDebug()).
  window.liveSocket = liveSocket;
})();
