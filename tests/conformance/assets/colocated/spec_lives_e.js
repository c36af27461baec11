// Colocated hooks and JS of the spec_lives_e fixtures (/colocated, /issues/4088), as upstream
// extracts them from the templates at compile time: the hooks under their module-qualified
// names (what `phx-hook=".Name"` becomes), js_exec as the colocated JS of that name.
export const hooks = {
  // Formats ten typed digits as 123-456-7890.
  "Phoenix.LiveViewTest.E2E.ColocatedLive.PhoneNumber": {
    mounted() {
      this.el.addEventListener("input", () => {
        const digits = this.el.value.replace(/\D/g, "");
        const parts = digits.match(/^(\d{3})(\d{3})(\d{4})$/);
        if (parts) this.el.value = `${parts[1]}-${parts[2]}-${parts[3]}`;
      });
    },
  },
  // Three pushes to its own component as soon as it is mounted.
  "Phoenix.LiveViewTest.E2E.Issue4088Live.LC.MyHook": {
    mounted() {
      for (let i = 0; i < 3; i++) this.pushEventTo(this.el, "my_update", {});
    },
  },
};

// Runs the JS commands the server pushes as the "js:exec" event on the main view.
export function js_exec(liveSocket) {
  window.addEventListener("phx:js:exec", (e) =>
    liveSocket.execJS(liveSocket.main.el, e.detail.cmd),
  );
}
