import { api, query } from "../api.js";
import { clearError, count, el, filterSelect, pager, progress, showError, statusLabel, table, time } from "../dom.js";
import { STATUSES } from "./job-parts.js";

const PAGE_SIZE = 50;
const POLL_MS = 2000;

/** The tenant's jobs, newest first, polled every two seconds while the tab is visible. */
export function jobsView(outlet, signal) {
  const state = { status: "", offset: 0 };
  const rows = new Map();
  const list = table("Jobs, newest first", ["Job", "Status", "Source → target", "Created", "Progress", "Failed", "Skipped"]);
  const empty = el("p", { class: "muted", text: "No jobs here yet.", hidden: true });
  const pagerSlot = el("div");
  let generation = 0;
  let timer = 0;

  const refresh = async () => {
    const run = ++generation;
    clearTimeout(timer);
    if (document.hidden) {
      // A tab in the background spends none of the tenant's request budget.
      timer = setTimeout(refresh, POLL_MS);
      return;
    }
    try {
      const page = await api.get(`/jobs${query({ status: state.status, limit: PAGE_SIZE, offset: state.offset })}`, { signal });
      if (run !== generation) {
        return;
      }
      show(page);
      clearError();
    } catch (error) {
      if (signal.aborted || run !== generation) {
        return;
      }
      showError(error);
    }
    timer = setTimeout(refresh, POLL_MS);
  };

  const show = (page) => {
    const seen = new Set();
    for (const job of page.items) {
      seen.add(job.id);
      const row = rows.get(job.id) ?? el("tr", { "data-job-id": job.id });
      rows.set(job.id, row);
      fill(row, job);
      list.body.append(row); // appending moves an existing row into the page's order
    }
    for (const [id, row] of rows) {
      if (!seen.has(id)) {
        row.remove();
        rows.delete(id);
      }
    }
    empty.hidden = page.items.length > 0;
    pagerSlot.replaceChildren(pager(page, (offset) => {
      state.offset = offset;
      refresh();
    }));
  };

  signal.addEventListener("abort", () => {
    generation++;
    clearTimeout(timer);
  });

  const filter = filterSelect("status-filter", STATUSES, (value) => {
    state.status = value;
    state.offset = 0;
    refresh();
  });
  outlet.replaceChildren(
    el("h1", { text: "Jobs" }),
    el("div", { class: "toolbar" },
      el("label", { for: "status-filter", text: "Status" }), filter,
      el("a", { class: "button push", href: "#/new", text: "New job" })),
    list.element, empty, pagerSlot);
  refresh();
}

function fill(row, job) {
  // Only the cells change, so a focused link keeps its focus across refreshes.
  const cells = [
    el("td", { class: "id" }, el("a", { href: `#/jobs/${job.id}`, "aria-label": `Job ${job.id}`, text: job.id.slice(0, 8) })),
    el("td", {}, statusLabel(job.status)),
    el("td", { text: `${job.source_system} → ${job.target_system}` }),
    el("td", { text: time(job.created_at) }),
    el("td", {}, progress(job.processed_records, job.total_records, `Progress of job ${job.id}`, job.status === "completed")),
    el("td", { class: "failed", text: count(job.failed_records) }),
    el("td", { class: "skipped", text: count(job.skipped_records) }),
  ];
  if (!row.firstChild) {
    row.append(...cells);
    return;
  }
  cells.slice(1).forEach((cell, index) => row.children[index + 1].replaceWith(cell));
}

