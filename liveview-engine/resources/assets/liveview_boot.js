// The engine's default page script: connects the official LiveView client to this server. An
// application with hooks of its own serves its own script from its layout instead (or sets
// window.LiveViewHooks before this runs).
(function () {
  "use strict";
  const meta = document.querySelector("meta[name='csrf-token']");
  const liveSocket = new LiveView.LiveSocket("/live", Phoenix.Socket, {
    params: { _csrf_token: meta ? meta.getAttribute("content") : "" },
    hooks: window.LiveViewHooks || {},
    // Resumable uploads to the engine's own endpoint (resumable_uploader.js, loaded before this),
    // and any external uploaders the page adds in window.LiveViewUploaders.
    uploaders: Object.assign(
      { LiveViewResumable: window.LiveViewResumableUploads.uploader },
      window.LiveViewUploaders || {},
    ),
  });
  liveSocket.connect();
  window.liveSocket = liveSocket;
})();
