// A titled, filterable, paged table over one of a job's lists (batches, failures, logs).
import { api, query } from "../api.js";
import { el, filterSelect, pager, showError, table } from "../dom.js";

const PAGE_SIZE = 20;

/**
 * @param spec {id, title, path, filter: {param, label, values}, columns: [[heading, item => text or node]]}
 * @returns {element, load}: load() reads the current page again.
 */
export function pagedTable(spec, signal) {
  const state = { offset: 0, value: "" };
  const list = table(spec.title, spec.columns.map(([heading]) => heading));
  const pagerSlot = el("div");
  const filterId = `${spec.id}-filter`;
  let generation = 0;

  const load = async () => {
    const run = ++generation;
    let page;
    try {
      page = await api.get(`${spec.path}${query({ [spec.filter.param]: state.value, limit: PAGE_SIZE, offset: state.offset })}`, { signal });
    } catch (error) {
      if (!signal.aborted) {
        showError(error);
      }
      return;
    }
    if (run !== generation) {
      return;
    }
    list.body.replaceChildren(...page.items.map((item) => el("tr", {}, spec.columns.map(([heading, cell]) => {
      const value = cell(item);
      return value instanceof Node ? el("td", {}, value) : el("td", { class: heading === "Message" || heading === "Error" ? "message" : null, text: value ?? "" });
    }))));
    pagerSlot.replaceChildren(pager(page, (offset) => {
      state.offset = offset;
      load();
    }));
  };

  const filter = filterSelect(filterId, spec.filter.values, (value) => {
    state.value = value;
    state.offset = 0;
    load();
  });
  const element = el("section", { id: spec.id, class: "panel", "aria-labelledby": `${spec.id}-title` },
    el("div", { class: "toolbar" },
      el("h2", { id: `${spec.id}-title`, text: spec.title }),
      el("label", { class: "push", for: filterId, text: spec.filter.label }), filter),
    list.element, pagerSlot);
  return { element, load };
}
