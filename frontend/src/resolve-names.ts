// Which package a dependency name is in (a binary name, a soname, perl(Foo), /usr/bin/sh…), from
// GET /api/v1/resolve. Only an improvement of links: any failure (an older API without the
// endpoint, 4xx, 5xx) leaves the caller with fewer answers, never with an error.

import { RESOLVE_BATCH, type Result, resolve } from './api';
import type { Resolved } from './types';

/** At most this many requests per call: a tab with thousands of names resolves the first ones. */
export const MAX_REQUESTS = 3;
/**
 * Query length per request: 100 long names (perl(ExtUtils::MakeMaker), encoded) would pass the
 * 4 kB request line that HTTP servers such as the API's accept by default.
 */
const MAX_QUERY_CHARS = 3000;

/** Answers already had in this page session (null: resolves to no package). */
const known = new Map<string, string | null>();
const KNOWN_MAX = 5000;

/** Splits names into requests of ≤ RESOLVE_BATCH names and ≤ MAX_QUERY_CHARS characters each. */
export function batches(names: readonly string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let chars = 0;
  for (const n of names) {
    const len = encodeURIComponent(n).length + 1;
    if (cur.length && (cur.length === RESOLVE_BATCH || chars + len > MAX_QUERY_CHARS)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(n);
    chars += len;
  }
  if (cur.length) out.push(cur);
  return out;
}

export type ResolveCall = (names: readonly string[], signal?: AbortSignal) => Promise<Result<Resolved>>;

/**
 * name → package for the names that resolve, asking only for those not known yet, in order (the
 * first names are the ones on screen first). Requests go one after the other and stop at the first
 * that fails: an API without the endpoint costs one request.
 */
export async function resolveNames(names: readonly string[], signal?: AbortSignal, call: ResolveCall = resolve): Promise<Map<string, string>> {
  // A comma would split the name in two in `names=a,b`.
  const wanted = [...new Set(names)].filter((n) => n && !n.includes(',') && !known.has(n));
  for (const batch of batches(wanted).slice(0, MAX_REQUESTS)) {
    const r = await call(batch, signal);
    if (r.kind !== 'ok' || !Array.isArray(r.value?.items)) break;
    if (known.size + batch.length > KNOWN_MAX) known.clear();
    const got = new Map(r.value.items.map((i) => [i?.name, typeof i?.package === 'string' && i.package ? i.package : null]));
    // Names the answer left out are not cached: they may resolve next time.
    for (const n of batch) if (got.has(n)) known.set(n, got.get(n)!);
  }
  const found = new Map<string, string>();
  for (const n of names) {
    const p = known.get(n);
    if (p) found.set(n, p);
  }
  return found;
}

/** For tests: forget the session's answers. */
export function forgetResolved(): void {
  known.clear();
}
