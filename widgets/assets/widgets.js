// Hooks of LiveDeck's widgets, handed to the LiveView client through window.LiveDeckHooks (app.js).
(function () {
  "use strict";
  const store = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set(key, value) {
      try {
        if (value === null) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, value);
      } catch (e) { /* storage refused: nothing remembered */ }
    },
  };

  const themes = ["system", "light", "dark"];
  function applyTheme(theme) {
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    } else {
      document.documentElement.removeAttribute("data-theme");
    }
  }

  const hooks = {
    // Theme switch: system → light → dark, remembered in this browser.
    LwTheme: {
      mounted() {
        this.show();
        this.el.addEventListener("click", () => {
          const current = store.get("livedeck:theme") || "system";
          const next = themes[(themes.indexOf(current) + 1) % themes.length];
          store.set("livedeck:theme", next === "system" ? null : next);
          applyTheme(next);
          this.show();
        });
      },
      updated() { this.show(); },
      show() {
        const theme = store.get("livedeck:theme") || "system";
        const name = theme[0].toUpperCase() + theme.slice(1);
        this.el.querySelector(".lw-theme-name").textContent = name;
        this.el.setAttribute("aria-label", `Colour theme: ${theme === "system" ? "follows the system" : name}`);
      },
    },

    // Refresh control: remembers interval and pause per page; pauses the page while hidden.
    LwRefresh: {
      mounted() {
        this.key = `livedeck:refresh:${this.el.dataset.key || window.location.pathname}`;
        const saved = store.get(this.key);
        if (saved) {
          try {
            const { interval, paused } = JSON.parse(saved);
            this.pushEvent("lw-refresh-restore", { interval, paused });
          } catch (e) { store.set(this.key, null); }
        }
        this.onVisibility = () => this.pushEvent("lw-refresh-visibility", { hidden: document.hidden });
        document.addEventListener("visibilitychange", this.onVisibility);
        if (document.hidden) this.onVisibility();
      },
      updated() {
        store.set(this.key, JSON.stringify({
          interval: Number(this.el.dataset.interval),
          paused: this.el.dataset.paused === "true",
        }));
      },
      destroyed() { document.removeEventListener("visibilitychange", this.onVisibility); },
    },

    // Log tail: while following, keeps the newest line in view.
    LwLogTail: {
      mounted() { this.follow(); },
      updated() { this.follow(); },
      follow() {
        if (this.el.dataset.follow === "true") this.el.scrollTop = this.el.scrollHeight;
      },
    },

    // Toast: dismissed by itself after a few seconds.
    LwToast: {
      mounted() {
        this.timer = window.setTimeout(() => {
          this.pushEventTo(this.el, "dismiss", { toast: this.el.dataset.toast });
        }, 6000);
      },
      destroyed() { window.clearTimeout(this.timer); },
    },

    // Modal: focus goes into the dialog when it opens.
    LwModal: {
      mounted() {
        const confirm = this.el.querySelector(".lw-primary");
        if (confirm) confirm.focus();
      },
    },

    // Chart hover: the values under the pointer, read from the points already in the page (they
    // are in data units: x seconds since data-origin-ms, y the value).
    LwChart: {
      mounted() {
        // The tip is phx-update="ignore" in the template: the chart's own updates (up to ten a
        // second) would otherwise reset its class and text under the pointer.
        this.tip = this.el.querySelector(".lw-chart-tip");
        this.svg = this.el.querySelector(".lw-chart-svg");
        this.onMove = (event) => this.hover(event);
        this.onLeave = () => this.tip.classList.add("lw-hidden");
        this.svg.addEventListener("pointermove", this.onMove);
        this.svg.addEventListener("pointerleave", this.onLeave);
      },
      destroyed() {
        this.svg.removeEventListener("pointermove", this.onMove);
        this.svg.removeEventListener("pointerleave", this.onLeave);
      },
      hover(event) {
        const data = this.el.querySelector(".lw-plot-data");
        const matrix = data && data.getScreenCTM();
        if (!matrix) return;
        const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
        const names = (this.el.dataset.series || "").split("|");
        const unit = this.el.dataset.unit || "";
        const best = new Map();
        for (const line of data.querySelectorAll("polyline")) {
          const series = Number(line.dataset.series);
          for (const p of line.points) {
            const d = Math.abs(p.x - point.x);
            const known = best.get(series);
            if (!known || d < known.d) best.set(series, { d, x: p.x, y: p.y });
          }
        }
        if (best.size === 0) { this.tip.classList.add("lw-hidden"); return; }
        const first = best.values().next().value;
        const time = new Date(Number(this.el.dataset.originMs) + first.x * 1000);
        const rows = [time.toLocaleTimeString()];
        for (const [series, v] of [...best.entries()].sort((a, b) => a[0] - b[0])) {
          rows.push(`${names[series] || series}: ${formatValue(v.y, unit)}`);
        }
        this.tip.textContent = rows.join("\n");
        const frame = this.el.querySelector(".lw-chart-frame").getBoundingClientRect();
        // Positioned through the CSSOM, which a style-src 'self' policy allows.
        this.tip.style.left = `${Math.min(event.clientX - frame.left + 12, frame.width - 160)}px`;
        this.tip.style.top = `${event.clientY - frame.top + 12}px`;
        this.tip.classList.remove("lw-hidden");
      },
    },

    // CSV export: the server sends the file's text; the browser saves it.
    LwDownload: {
      mounted() {
        this.handleEvent("lw-download", ({ filename, text, mime }) => {
          const url = URL.createObjectURL(new Blob([text], { type: mime || "text/csv" }));
          const link = document.createElement("a");
          link.href = url;
          link.download = filename;
          document.body.appendChild(link);
          link.click();
          link.remove();
          window.setTimeout(() => URL.revokeObjectURL(url), 1000);
        });
      },
    },
  };

  function formatValue(v, unit) {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    if (unit === "B" || unit === "B/s") {
      let i = 0;
      while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
      return `${v.toFixed(i ? 1 : 0)} ${units[i]}${unit === "B/s" ? "/s" : ""}`;
    }
    const text = Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
    return unit === "%" ? `${text}%` : unit ? `${text} ${unit}` : text;
  }

  window.LiveDeckHooks = Object.assign(window.LiveDeckHooks || {}, hooks);
})();
