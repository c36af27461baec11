// Colocated hook of /issues/4147 (".HookOutside" in Issue4147Live's template, registered under
// its module-qualified name): it sits on an element the root layout renders outside the live
// view, and logs each mount (the spec expects one, also across a reconnect).
export const hooks = {
  "Phoenix.LiveViewTest.E2E.Issue4147Live.HookOutside": {
    mounted() {
      console.log("HookOutside mounted");
    },
  },
};
