import { session } from "./api.js";
import { clearError } from "./dom.js";
import { navigate, startRouter } from "./router.js";
import { createView } from "./views/create.js";
import { jobView } from "./views/job.js";
import { jobsView } from "./views/jobs.js";
import { signInView } from "./views/signin.js";

const nav = document.getElementById("nav");

/** A view that needs a key: without one, the sign-in form instead. */
const signedIn = (view) => (outlet, signal, ...params) => {
  nav.hidden = !session.key();
  clearError();
  if (!session.key()) {
    navigate("/signin");
    return;
  }
  view(outlet, signal, ...params);
};

document.getElementById("sign-out").addEventListener("click", () => {
  session.signOut();
  navigate("/signin");
});

startRouter(document.getElementById("view"), [
  [/^\/signin$/, (outlet, signal) => {
    nav.hidden = true;
    clearError();
    signInView(outlet, signal);
  }],
  [/^\/jobs$/, signedIn(jobsView)],
  [/^\/jobs\/([^/]+)$/, signedIn(jobView)],
  [/^\/new$/, signedIn(createView)],
], "/jobs");
