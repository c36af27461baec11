// The colocated hooks and JS the suite's layouts import. Upstream these are extracted from the
// fixtures' templates at compile time; here they are written by hand for the fixtures we serve.
export const hooks = {};

export default {
  hooks,
  js_exec(_liveSocket) {},
};
