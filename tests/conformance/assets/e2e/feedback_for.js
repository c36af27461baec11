// phx-feedback-for, which LiveView 1.0 removed, as a page brings it back through the LiveSocket's
// `dom` callbacks (the /form/feedback layout upstream does): an element with
// phx-feedback-for="name" gets phx-no-feedback until an input named `name` (or `name[]`) was
// used.
import { isUsedInput } from "/assets/phoenix_live_view/phoenix_live_view.esm.js";

export function feedbackForDom() {
  let touched = [];
  let afterInput = false;
  const all = (root) =>
    Array.from(root.querySelectorAll("[phx-feedback-for]"), (el) => [
      el,
      el.getAttribute("phx-feedback-for"),
    ]);
  const refresh = (root, pairs = all(root)) => {
    for (const [el, name] of pairs) {
      const used = Array.from(
        root.querySelectorAll(`[name="${name}"], [name="${name}[]"]`),
      ).some((input) => isUsedInput(input));
      el.classList.toggle("phx-no-feedback", !used && el.hasAttribute("phx-feedback-for"));
    }
  };
  window.addEventListener("reset", () => refresh(document));
  window.addEventListener("input", () => (afterInput = true));
  window.addEventListener("submit", () => (afterInput = true));
  return {
    onPatchStart() {
      touched = [];
    },
    onNodeAdded(node) {
      if (node.hasAttribute && node.hasAttribute("phx-feedback-for"))
        touched.push([node, node.getAttribute("phx-feedback-for")]);
    },
    onBeforeElUpdated(from, to) {
      const name = from.getAttribute("phx-feedback-for") || to.getAttribute("phx-feedback-for");
      if (name) touched.push([from, name], [to, name]);
    },
    onPatchEnd(container) {
      refresh(container, touched);
      if (afterInput) {
        refresh(container);
        afterInput = false;
      }
    },
  };
}
