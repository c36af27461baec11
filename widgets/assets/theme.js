// Applies the remembered colour theme before the page paints (a file, not an inline script, so
// it runs under LiveDeck's Content-Security-Policy). "light" or "dark" override the system's
// prefers-color-scheme; nothing stored follows it.
(function () {
  "use strict";
  try {
    const theme = window.localStorage.getItem("livedeck:theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage refused (private mode): the system's scheme applies.
  }
})();
