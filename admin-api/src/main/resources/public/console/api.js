// The public admin API, and nothing else: the console is one more client of /api/v1.
import { secret } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem's detail and, when they say more, its field errors. */
  describe() {
    const fields = (this.problem.errors || [])
      .map((error) => error.message)
      .filter((message) => message && message !== this.problem.detail);
    return [this.message, ...fields].join(' ');
  }
}

/** What to show for any failure: a problem's detail and field errors, or a network error's message. */
export const describeError = (error) => (error instanceof ApiError ? error.describe() : error.message);

export async function api(method, path, body) {
  return (await exchange(method, path, body)).data;
}

/** One page of a list and the path of the next (from the Link header), or null on the last. */
export async function page(path) {
  const { data, response } = await exchange('GET', path);
  const link = response.headers.get('Link');
  const next = link && /<\/api\/v1([^>]*)>;\s*rel="next"/.exec(link);
  return { items: data, next: next ? next[1] : null };
}

async function exchange(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (secret()) {
    headers.Authorization = `Bearer ${secret()}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data || { title: response.statusText });
  }
  return { data, response };
}

export const path = (...segments) => segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');

/** The latest events, newest first (the log pages from the oldest, so this asks where the end is first). */
export async function recentEvents(count) {
  const end = await api('GET', '/events?limit=1');
  const after = Math.max(0, end.latestId - count);
  const page = await api('GET', `/events?after=${after}&limit=${count}`);
  return page.events.reverse();
}
