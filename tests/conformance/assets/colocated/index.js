// The colocated hooks and JS the suite's layouts import. Upstream these are extracted from the
// fixtures' templates at compile time; here they are written by hand for the fixtures we serve.
import { hooks as specLivesEHooks, js_exec as specLivesEJsExec } from "./spec_lives_e.js";
import { hooks as issue4147Hooks } from "./issue_4147.js";

export const hooks = { ...specLivesEHooks, ...issue4147Hooks };

export default {
  hooks,
  js_exec: specLivesEJsExec,
};
