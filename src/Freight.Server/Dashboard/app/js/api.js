// Calls to Freight's API from the browser, with the tenant's key from this tab's sessionStorage only.
const KEY_ITEM = "freight.apiKey";
const BASE = "/api/v1";

export const session = {
  key: () => sessionStorage.getItem(KEY_ITEM),
  signIn: (key) => sessionStorage.setItem(KEY_ITEM, key),
  signOut: () => sessionStorage.removeItem(KEY_ITEM),
};

/** A failed call: the API's error body ({error, message, details, request_id}) or a network failure. */
export class ApiError extends Error {
  constructor(status, body, requestId) {
    super(body?.message || `The server answered ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.code = body?.error ?? "http_error";
    this.details = Array.isArray(body?.details) ? body.details : [];
    this.requestId = body?.request_id ?? requestId ?? null;
  }
}

/** "?a=1&b=x" from the values that are set. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function send(method, path, { body, headers = {}, key = session.key(), signal } = {}) {
  const init = { method, signal, cache: "no-store", headers: { Accept: "application/json", ...headers } };
  if (key) {
    init.headers["X-API-Key"] = key;
  }
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(BASE + path, init);
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new ApiError(0, { error: "network", message: "The Freight server could not be reached." });
  }
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page): described by its status alone.
  }
  return new ApiError(response.status, body, response.headers.get("X-Request-ID"));
}

async function request(method, path, options) {
  const response = await send(method, path, options);
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

export const api = {
  get: (path, options) => request("GET", path, options),
  post: (path, body, options) => request("POST", path, { ...options, body }),
};

/**
 * Follows GET /jobs/{id}/events (EventSource cannot send the key header, so fetch and a stream reader): calls
 * onJob with the job of each event. True when the server ended the stream with "end" (the job finished), false
 * when the stream closed before that.
 */
export async function followJob(id, onJob, signal) {
  const response = await send("GET", `/jobs/${encodeURIComponent(id)}/events`, { headers: { Accept: "text/event-stream" }, signal });
  if (!response.ok) {
    throw await failure(response);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return false;
    }
    buffer += value;
    for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
      const event = parseEvent(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (event) {
        onJob(JSON.parse(event.data));
        if (event.name === "end") {
          await reader.cancel();
          return true;
        }
      }
    }
  }
}

function parseEvent(block) {
  let name = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) {
      name = line.slice(6).trim();
    } else if (line.startsWith("data:")) {
      data.push(line.slice(5).trimStart());
    }
  }
  return data.length ? { name, data: data.join("\n") } : null;
}
