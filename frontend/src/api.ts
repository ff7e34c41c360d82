// Client for the same-origin JSON API. Every call returns a Result instead of throwing, so pages
// can render each outcome (data, "fetching…", 404, error) explicitly.

import type { ConnectorName, Envelope, PackageMeta, Problem, Resolved, SearchPage, Status, Suggestions } from './types';

/** `redirectedTo`: the URL that answered, when the API redirected the request (see redirectedSource). */
export type Result<T> =
  | { kind: 'ok'; value: T; redirectedTo?: string }
  | { kind: 'pending'; retryAfter: number; redirectedTo?: string }
  | { kind: 'not-found'; problem: Problem }
  | { kind: 'error'; status: number; message: string; problem: Problem | null }
  | { kind: 'aborted' };

export const API_BASE = '/api/v1';

/** Retry-After is seconds or an HTTP date; clamp to 1..30 s so a bad header cannot stall or spin the page. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number {
  const DEFAULT = 2;
  if (!header) return DEFAULT;
  const trimmed = header.trim();
  let secs: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) secs = Number(trimmed);
  else {
    const t = Date.parse(trimmed);
    if (Number.isNaN(t)) return DEFAULT;
    secs = (t - now) / 1000;
  }
  return Math.min(30, Math.max(1, Math.ceil(secs)));
}

async function readProblem(res: Response): Promise<Problem | null> {
  try {
    const body = (await res.json()) as unknown;
    return body && typeof body === 'object' ? (body as Problem) : null;
  } catch {
    return null;
  }
}

/**
 * A request index.html already started for this URL (a package page's first two), once: it saves
 * the time the app's script takes to load. Null for any other URL, or the second time.
 */
export function takeEarly(url: string, win: { __fpEarly?: Record<string, Promise<Response>> } = globalThis as never): Promise<Response> | null {
  const early = win.__fpEarly;
  if (!early || !(url in early)) return null;
  const p = early[url];
  delete early[url];
  return p;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<Result<T>> {
  let res: Response;
  try {
    const early = signal?.aborted ? null : takeEarly(url);
    res = await (early ? early.catch(() => fetch(url, { headers: { Accept: 'application/json' }, signal })) : fetch(url, { headers: { Accept: 'application/json' }, signal }));
  } catch (e) {
    if (signal?.aborted) return { kind: 'aborted' };
    return { kind: 'error', status: 0, message: `network error: ${(e as Error).message ?? e}`, problem: null };
  }
  const moved = res.redirected && res.url ? { redirectedTo: res.url } : {};
  if (res.status === 202) return { kind: 'pending', retryAfter: parseRetryAfter(res.headers.get('Retry-After')), ...moved };
  if (res.status === 404) {
    const problem = (await readProblem(res)) ?? { status: 404, title: 'Not Found' };
    return { kind: 'not-found', problem };
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    const message = problem?.detail || problem?.title || `HTTP ${res.status}`;
    return { kind: 'error', status: res.status, message, problem };
  }
  try {
    return { kind: 'ok', value: (await res.json()) as T, ...moved };
  } catch (e) {
    if (signal?.aborted) return { kind: 'aborted' };
    return { kind: 'error', status: res.status, message: 'the server sent invalid JSON', problem: null };
  }
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

export interface RetryOptions {
  /** Total attempts including the first (bounded: the page must not poll forever). */
  maxAttempts?: number;
  signal?: AbortSignal;
  /** Called before each wait, e.g. to show "Fetching… (retry in 3 s)". */
  onPending?: (retryAfter: number, attempt: number) => void;
  sleepFn?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Repeats `call` while it answers 202, waiting Retry-After seconds between attempts. */
export async function withRetry<T>(call: () => Promise<Result<T>>, opts: RetryOptions = {}): Promise<Result<T>> {
  const max = opts.maxAttempts ?? 8;
  const wait = opts.sleepFn ?? sleep;
  let result = await call();
  for (let attempt = 1; result.kind === 'pending' && attempt < max; attempt++) {
    opts.onPending?.(result.retryAfter, attempt);
    await wait(result.retryAfter * 1000, opts.signal);
    if (opts.signal?.aborted) return { kind: 'aborted' };
    result = await call();
  }
  return result;
}

const enc = encodeURIComponent;

/** The package an API URL names (`/api/v1/packages/{name}[/{connector}]`), or null. */
export function packageFromApiUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url, 'http://localhost').pathname;
  } catch {
    return null;
  }
  const m = /^\/api\/v1\/packages\/([^/]+)(?:\/[^/]+)?\/?$/.exec(path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/**
 * The source package, when the API answered a binary (sub-)package name with its 308 to the source.
 * fetch() follows that redirect and hides its Location and X-Binary-Package-Of headers (and
 * `redirect: "manual"` only gives an opaque response in browsers), so the URL that finally answered
 * (response.url, kept in `redirectedTo`) is what tells which package the data belongs to.
 */
export function redirectedSource(r: Result<unknown>): string | null {
  return (r.kind === 'ok' || r.kind === 'pending') && r.redirectedTo ? packageFromApiUrl(r.redirectedTo) : null;
}

/** Known packages and the bootstrap's progress. */
export function getStatus(signal?: AbortSignal): Promise<Result<Status>> {
  return getJson<Status>(`${API_BASE}/status`, signal);
}

export function getMeta(name: string, signal?: AbortSignal): Promise<Result<PackageMeta>> {
  return getJson<PackageMeta>(`${API_BASE}/packages/${enc(name)}`, signal);
}

/** `branch`: that branch's document (per-branch connectors); without it, the default branch's. */
export function getConnector<T>(
  name: string,
  connector: ConnectorName,
  signal?: AbortSignal,
  branch?: string,
): Promise<Result<Envelope<T>>> {
  const query = branch ? `?branch=${enc(branch)}` : '';
  return getJson<Envelope<T>>(`${API_BASE}/packages/${enc(name)}/${connector}${query}`, signal);
}

/** The most names GET /api/v1/resolve takes in one call. */
export const RESOLVE_BATCH = 100;

/** GET /api/v1/resolve?names=a,b: the package of each name, in request order (≤ RESOLVE_BATCH names). */
export function resolve(names: readonly string[], signal?: AbortSignal): Promise<Result<Resolved>> {
  return getJson<Resolved>(`${API_BASE}/resolve?names=${names.map(enc).join(',')}`, signal);
}

/** GET /api/v1/search; `limit` per page is the SPA's choice (the API allows up to 100). */
export function search(
  query: { q: string; branch?: string; maintainer?: string; offset?: number; limit?: number },
  signal?: AbortSignal,
): Promise<Result<SearchPage>> {
  const p = new URLSearchParams({ q: query.q });
  if (query.branch) p.set('branch', query.branch);
  if (query.maintainer) p.set('maintainer', query.maintainer);
  if (query.offset) p.set('offset', String(query.offset));
  p.set('limit', String(query.limit ?? SEARCH_PAGE_SIZE));
  return getJson<SearchPage>(`${API_BASE}/search?${p}`, signal);
}

export const SEARCH_PAGE_SIZE = 20;

/** GET /api/v1/search/suggest: up to 10 names starting with `q`, each with the page it leads to. */
export function suggest(q: string, signal?: AbortSignal): Promise<Result<Suggestions>> {
  return getJson<Suggestions>(`${API_BASE}/search/suggest?q=${enc(q)}`, signal);
}
