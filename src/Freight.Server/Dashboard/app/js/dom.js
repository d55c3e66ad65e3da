// DOM helpers. API data (job fields, failure messages, logs) is attacker-controlled: it only ever becomes text
// nodes or attribute values here, never markup.

/** An element: props are attributes, except text (its textContent) and on* (listeners); children are nodes or text. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === "text") {
      node.textContent = String(value);
    } else if (name.startsWith("on")) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const numbers = new Intl.NumberFormat("en-US");
export const count = (value) => numbers.format(value ?? 0);

export const time = (value) => (value ? new Date(value).toLocaleString() : "—");

/** A status as text (readable without colour), coloured by its class. */
export function statusLabel(status) {
  return el("span", { class: `status status-${status}`, text: status });
}

/** A progress bar with "done / total" beside it; full when the work is finished whatever the counts say. */
export function progress(done, total, label, finished = false) {
  const max = Math.max(total, done, 1);
  const value = finished ? max : Math.min(done, max);
  return el("div", { class: "progress" },
    el("progress", { max, value, "aria-label": label }),
    el("span", { text: `${count(done)} / ${count(total)}` }));
}

/** A table with a caption and a header row; its tbody is returned as .body. */
export function table(caption, headings) {
  const body = el("tbody");
  const element = el("div", { class: "table-wrap" },
    el("table", {}, el("caption", { text: caption }), el("thead", {}, el("tr", {}, headings.map((text) => el("th", { scope: "col", text })))), body));
  return { element, body };
}

/** A select of values with "All" first. */
export function filterSelect(id, values, onChange) {
  return el("select", { id, onchange: (event) => onChange(event.target.value) },
    el("option", { value: "", text: "All" }),
    values.map((value) => el("option", { value, text: value })));
}

/** Previous / next buttons for a page {total, limit, offset} of a list. */
export function pager(page, onOffset) {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.items.length;
  return el("nav", { class: "pager", "aria-label": "Pages" },
    el("button", { type: "button", class: "secondary", disabled: page.offset === 0, onclick: () => onOffset(Math.max(0, page.offset - page.limit)), text: "Previous" }),
    el("span", { text: `${count(first)}–${count(last)} of ${count(page.total)}` }),
    el("button", { type: "button", class: "secondary", disabled: !page.has_more, onclick: () => onOffset(page.offset + page.limit), text: "Next" }));
}

const notice = () => document.getElementById("notice");

/** Shows a failed call's message and request id at the top of the page. */
export function showError(error) {
  const box = notice();
  box.replaceChildren(
    el("p", { class: "message", text: error.message }),
    error.requestId ? el("p", { class: "request-id", text: `Request id: ${error.requestId}` }) : null);
  box.hidden = false;
}

export function clearError() {
  const box = notice();
  box.hidden = true;
  box.replaceChildren();
}
