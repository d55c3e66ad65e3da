// The parts of a job's page that show the job itself: its summary, counters and phases.
import { count, el, progress, statusLabel, table, time } from "../dom.js";

export const STATUSES = ["pending", "running", "cancelling", "completed", "completed_with_errors", "failed", "cancelled"];
export const ENTITIES = ["companies", "people", "deals", "notes", "list_entries"];
export const FINISHED = new Set(["completed", "completed_with_errors", "failed", "cancelled"]);

/** What the API allows (see the jobs endpoints): cancel pending or running jobs, retry failed or partly failed ones. */
export const canCancel = (job) => job.status === "pending" || job.status === "running";
export const canRetry = (job) => job.status === "failed" || job.status === "completed_with_errors";

export function summary(job) {
  const rows = [
    ["Status", statusLabel(job.status)],
    ["Reason", job.status_reason],
    ["Source → target", `${job.source_system} → ${job.target_system}`],
    ["Entities", job.entities.join(", ")],
    ["Batch size", count(job.batch_size)],
    ["Dry run", job.dry_run ? "yes" : "no"],
    ["Created", time(job.created_at)],
    ["Started", time(job.started_at)],
    ["Completed", time(job.completed_at)],
  ].filter(([, value]) => value !== null && value !== undefined);
  return el("dl", { class: "summary" }, rows.map(([name, value]) => [el("dt", { text: name }), el("dd", { "data-field": name }, value)]));
}

export function counters(job) {
  const items = [["Total", job.total_records], ["Processed", job.processed_records], ["Failed", job.failed_records], ["Skipped", job.skipped_records]];
  return el("div", {},
    progress(job.processed_records, job.total_records, "Job progress"),
    el("ul", { class: "counters" }, items.map(([name, value]) =>
      el("li", { "data-counter": name.toLowerCase() }, el("strong", { text: count(value) }), name))));
}

export function phases(job) {
  const list = table("Phases, in the order they run", ["Phase", "Status", "Progress", "Read", "Written", "Failed", "Skipped"]);
  for (const phase of job.phases) {
    const done = phase.records_written + phase.records_failed + phase.records_skipped;
    list.body.append(el("tr", { "data-phase": phase.phase },
      el("th", { scope: "row", text: phase.phase }),
      el("td", {}, statusLabel(phase.status)),
      el("td", {}, progress(done, phase.records_read, `Progress of ${phase.phase}`, phase.status === "completed")),
      el("td", { text: count(phase.records_read) }),
      el("td", { text: count(phase.records_written) }),
      el("td", { text: count(phase.records_failed) }),
      el("td", { text: count(phase.records_skipped) })));
  }
  return list.element;
}
