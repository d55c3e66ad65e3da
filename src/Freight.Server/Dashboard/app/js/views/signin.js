import { api, session } from "../api.js";
import { el, showError } from "../dom.js";
import { navigate } from "../router.js";

/** Sign-in: the key is checked with one call before it is kept, in this tab's sessionStorage only. */
export function signInView(outlet) {
  const input = el("input", { id: "api-key", name: "api-key", type: "password", autocomplete: "off", spellcheck: "false", required: true, "aria-describedby": "api-key-hint" });
  const form = el("form", { class: "stack panel", novalidate: true },
    el("div", { class: "field" },
      el("label", { for: "api-key", text: "Tenant API key" }),
      input,
      el("p", { id: "api-key-hint", class: "hint", text:
        "Keys look like frt_… and are shown once, when they are created: by your Freight operator with "
        + "“freight tenants create” (a new tenant's first key) or “freight keys create”, or through the admin API. "
        + "The key stays in this browser tab only and is forgotten when you sign out or close the tab." })),
    el("div", {}, el("button", { type: "submit", text: "Sign in" })));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    try {
      await api.get("/jobs?limit=1", { key });
    } catch (error) {
      showError(error);
      input.focus();
      return;
    }
    session.signIn(key);
    navigate("/jobs");
  });

  outlet.replaceChildren(el("h1", { text: "Sign in" }), form);
  input.focus();
}
