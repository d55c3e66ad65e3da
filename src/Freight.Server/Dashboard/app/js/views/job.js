import { api, followJob } from "../api.js";
import { count, el, showError, statusLabel, time } from "../dom.js";
import { ENTITIES, FINISHED, canCancel, canRetry, counters, phases, summary } from "./job-parts.js";
import { pagedTable } from "./paged.js";

const RECONNECT_MS = 2000;
const LISTS_EVERY_MS = 10000; // while a job runs, its lists are read again at most this often (tenants have a request budget)

/**
 * One job: summary and phases live while it runs (its event stream), its batches, failures and logs (read again
 * now and then while it runs and when it ends), and the actions the API allows.
 */
export function jobView(outlet, signal, id) {
  const path = `/jobs/${encodeURIComponent(id)}`;
  const head = el("section", { class: "panel", "aria-label": "Job" });
  const phaseSlot = el("section", { class: "panel", "aria-labelledby": "phases-title" });
  const result = el("p", { class: "info", role: "status", hidden: true });
  const cancel = el("button", { type: "button", disabled: true, text: "Cancel job" });
  const retryFailed = el("button", { type: "button", disabled: true, text: "Retry failed records" });
  const retryAll = el("button", { type: "button", class: "secondary", disabled: true, text: "Retry all" });
  const lists = detailLists(path, signal);
  let following = false;

  const show = (job) => {
    head.replaceChildren(summary(job), counters(job));
    phaseSlot.replaceChildren(el("h2", { id: "phases-title", text: "Phases" }), phases(job));
    cancel.disabled = !canCancel(job);
    retryFailed.disabled = !canRetry(job);
    retryAll.disabled = !canRetry(job);
  };

  let listsReadAt = 0;
  const reloadLists = () => {
    listsReadAt = performance.now();
    lists.forEach((list) => list.load());
  };
  const showLive = (job) => {
    show(job);
    if (performance.now() - listsReadAt >= LISTS_EVERY_MS) {
      reloadLists();
    }
  };

  // Follows the job's events until it finishes, then reads its lists again; reconnects when the stream drops.
  const follow = async () => {
    if (following) {
      return;
    }
    following = true;
    try {
      while (!signal.aborted) {
        try {
          if (await followJob(id, showLive, signal)) {
            reloadLists();
            return;
          }
        } catch (error) {
          if (signal.aborted) {
            return;
          }
          showError(error);
          if (error.status !== 0) {
            return;
          }
        }
        await new Promise((resume) => setTimeout(resume, RECONNECT_MS));
      }
    } finally {
      following = false;
    }
  };

  const act = (button, call, describe) => button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const answer = await call();
      const job = answer.job ?? answer;
      show(job);
      result.textContent = describe(answer);
      result.hidden = false;
      reloadLists();
      if (!FINISHED.has(job.status)) {
        follow();
      }
    } catch (error) {
      showError(error);
      button.disabled = false;
    }
  });
  act(cancel, () => api.post(`${path}/cancel`), (job) => `Cancel requested: the job is ${job.status}.`);
  const retried = (answer) => `Batches queued for retry: ${count(answer.batches_queued_for_retry)}; the job is ${answer.job.status}.`;
  act(retryFailed, () => api.post(`${path}/retry?retry_failed_only=true`), retried);
  act(retryAll, () => api.post(`${path}/retry?retry_failed_only=false`), retried);

  outlet.replaceChildren(el("h1", { text: `Job ${id}` }), el("p", {}, el("a", { href: "#/jobs", text: "← All jobs" })));
  api.get(path, { signal }).then((job) => {
    show(job);
    outlet.append(
      head,
      el("div", { class: "toolbar", role: "group", "aria-label": "Actions" }, cancel, retryFailed, retryAll),
      result,
      phaseSlot,
      ...lists.map((list) => list.element));
    reloadLists();
    if (!FINISHED.has(job.status)) {
      follow();
    }
  }, (error) => {
    if (signal.aborted) {
      return;
    }
    showError(error);
    outlet.append(el("p", { class: "muted", text: error.status === 404 ? "This job was not found for your tenant." : "The job could not be read." }));
  });
}

function detailLists(path, signal) {
  return [
    pagedTable({
      id: "failures", title: "Failed records", path: `${path}/failures`,
      filter: { param: "entity", label: "Entity", values: ENTITIES },
      columns: [
        ["Entity", (f) => f.entity], ["Source id", (f) => f.source_id], ["Origin", (f) => f.origin], ["Code", (f) => f.code],
        ["Message", (f) => f.message], ["Retryable", (f) => (f.retryable ? "yes" : "no")], ["At", (f) => time(f.created_at)],
      ],
    }, signal),
    pagedTable({
      id: "batches", title: "Batches", path: `${path}/batches`,
      filter: { param: "status", label: "Status", values: ["pending", "running", "succeeded", "failed"] },
      columns: [
        ["Phase", (b) => b.phase], ["#", (b) => count(b.sequence)], ["Status", (b) => statusLabel(b.status)], ["Records", (b) => count(b.record_count)],
        ["Attempts", (b) => count(b.attempts)], ["Error", (b) => b.error], ["Completed", (b) => time(b.completed_at)],
      ],
    }, signal),
    pagedTable({
      id: "logs", title: "Logs", path: `${path}/logs`,
      filter: { param: "level", label: "Level", values: ["debug", "info", "warning", "error"] },
      columns: [
        ["At", (l) => time(l.created_at)], ["Level", (l) => statusLabel(l.level)], ["Entity", (l) => l.entity], ["Message", (l) => l.message],
      ],
    }, signal),
  ];
}
