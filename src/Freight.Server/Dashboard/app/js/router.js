// A tiny router on location.hash: "#/jobs/abc" renders the view whose pattern matches "/jobs/abc".
// Each render gets an AbortSignal that fires when the user leaves, to stop its polling and streams.

export function startRouter(outlet, routes, fallback) {
  let current = null;
  const render = () => {
    current?.abort();
    current = new AbortController();
    const path = location.hash.replace(/^#/, "") || fallback;
    for (const [pattern, view] of routes) {
      const match = pattern.exec(path);
      if (match) {
        outlet.replaceChildren();
        view(outlet, current.signal, ...match.slice(1));
        return;
      }
    }
    location.replace(`#${fallback}`);
  };
  window.addEventListener("hashchange", render);
  render();
}

export function navigate(path) {
  location.hash = `#${path}`;
}
