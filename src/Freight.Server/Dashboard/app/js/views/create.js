import { api } from "../api.js";
import { clearError, el, showError } from "../dom.js";
import { navigate } from "../router.js";
import { ENTITIES } from "./job-parts.js";

const SOURCE = "affinity";
const TARGET = "attio";
const SHOWN_SETTINGS = ["base_url", "api_key"]; // the rest keep the connector's defaults

/** 32 random hex digits; crypto.randomUUID needs a secure context, which a plain-HTTP server on a LAN is not. */
const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** A field with its label, hint and a slot for the API's message about it (details[].field). */
function field(name, label, input, hint) {
  input.id = `field-${name}`;
  input.name = name;
  input.setAttribute("aria-describedby", `error-${name} hint-${name}`);
  return el("div", { class: "field", "data-field": name },
    el("label", { for: input.id, text: label }),
    input,
    hint ? el("p", { id: `hint-${name}`, class: "hint", text: hint }) : null,
    el("p", { id: `error-${name}`, class: "field-error", "aria-live": "polite" }));
}

function connectorFieldset(side, connector) {
  const settings = SHOWN_SETTINGS.map((name) => connector.config_schema.find((setting) => setting.name === name)).filter(Boolean);
  return el("fieldset", {},
    el("legend", { text: `${side === "source" ? "Source" : "Target"}: ${connector.name}` }),
    el("p", { class: "hint", text: connector.description }),
    settings.map((setting) => field(`${side}_config.${setting.name}`,
      `${setting.name === "api_key" ? "API key" : "Base URL"}${setting.required ? "" : " (optional)"}`,
      el("input", { type: setting.secret ? "password" : "text", autocomplete: "off", spellcheck: "false" }),
      setting.description)));
}

/** The form for an Affinity → Attio job; the API checks it, and its 422 details show beside their fields. */
export async function createView(outlet, signal) {
  outlet.replaceChildren(el("h1", { text: "New job: Affinity → Attio" }));
  let connectors;
  try {
    connectors = (await api.get("/connectors", { signal })).items;
  } catch (error) {
    if (!signal.aborted) {
      showError(error);
    }
    return;
  }
  const source = connectors.find((c) => c.name === SOURCE && c.role === "source");
  const target = connectors.find((c) => c.name === TARGET && c.role === "target");
  if (!source || !target) {
    outlet.append(el("p", { text: "This server offers no Affinity source or Attio target." }));
    return;
  }

  const entityBoxes = ENTITIES.map((name) => el("input", { type: "checkbox", id: `entity-${name}`, value: name, checked: true }));
  const batchSize = el("input", { type: "number", inputmode: "numeric", value: "1000" });
  const dryRun = el("input", { type: "checkbox", id: "field-dry_run" });
  const form = el("form", { class: "stack", novalidate: true },
    connectorFieldset("source", source),
    connectorFieldset("target", target),
    el("fieldset", { "data-field": "entities", "aria-describedby": "error-entities" },
      el("legend", { text: "Entities" }),
      el("div", { class: "choices" }, ENTITIES.map((name, i) => el("label", {}, entityBoxes[i], ` ${name}`))),
      el("p", { id: "error-entities", class: "field-error", "aria-live": "polite" })),
    field("batch_size", "Batch size", batchSize, "Records per batch, 100 to 10,000."),
    el("div", {}, el("label", {}, dryRun, " Dry run: read and map everything, write nothing")),
    el("div", {}, el("button", { type: "submit", text: "Create job" })));

  // One key per request body: a resubmit of the same form is a replay, an edited form a new request.
  let idempotencyKey = newIdempotencyKey();
  form.addEventListener("input", () => {
    idempotencyKey = newIdempotencyKey();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelectorAll(".field-error").forEach((slot) => slot.replaceChildren());
    clearError();
    const value = (name) => form.elements[name]?.value.trim() ?? "";
    const config = (side) => Object.fromEntries(SHOWN_SETTINGS.map((name) => [name, value(`${side}_config.${name}`)]).filter(([, v]) => v !== ""));
    const body = {
      source_system: SOURCE,
      target_system: TARGET,
      source_config: config("source"),
      target_config: config("target"),
      entities: entityBoxes.filter((box) => box.checked).map((box) => box.value),
      batch_size: batchSize.value.trim() === "" ? undefined : Number(batchSize.value),
      dry_run: dryRun.checked,
    };
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const job = await api.post("/jobs", body, { headers: { "Idempotency-Key": idempotencyKey }, signal });
      navigate(`/jobs/${job.id}`);
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      showError(error);
      for (const detail of error.details) {
        const slot = detail.field && document.getElementById(`error-${detail.field}`);
        if (slot) {
          slot.textContent = detail.message;
        }
      }
    } finally {
      button.disabled = false;
    }
  });
  outlet.append(form);
}
