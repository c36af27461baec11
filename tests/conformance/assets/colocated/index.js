// The colocated hooks and JS the suite's layouts import. Upstream these are extracted from the
// fixtures' templates at compile time; here they are written by hand for the fixtures we serve.
import { hooks as specLivesEHooks, js_exec as specLivesEJsExec } from "./spec_lives_e.js";

export const hooks = { ...specLivesEHooks };

export default {
  hooks,
  js_exec: specLivesEJsExec,
};
