// A fetch stand-in for unit tests: maps request paths to canned responses, records calls.
// Like fetch, it follows redirects: the answer then has `redirected` and the final `url`.
import { vi } from 'vitest';

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = Reply | Reply[] | ((path: string) => Reply);

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}
export function pending(retryAfter = '1'): Reply {
  return { status: 202, body: { status: 'pending' }, headers: { 'Retry-After': retryAfter } };
}
export function problem(status: number, detail: string): Reply {
  return {
    status,
    body: { type: 'about:blank', title: status === 404 ? 'Not Found' : 'Error', status, detail },
    headers: { 'Content-Type': 'application/problem+json' },
  };
}
/** The API's answer for a binary package name: 308 to its source's path (`location`). */
export function binaryOf(source: string, location: string): Reply {
  return { status: 308, headers: { Location: location, 'X-Binary-Package-Of': source } };
}

const ORIGIN = 'http://localhost';

/** Installs a fetch mock. An array handler answers its replies in order, repeating the last. */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: string[] = [];
  const counters = new Map<string, number>();
  const answer = (path: string, pathname: string): Reply => {
    const key = path in routes ? path : pathname;
    const handler = routes[key];
    if (!handler) return problem(404, `no route for ${path}`);
    if (typeof handler === 'function') return handler(path);
    if (Array.isArray(handler)) {
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      return handler[Math.min(n, handler.length - 1)];
    }
    return handler;
  };
  const fn = vi.fn(async (input: RequestInfo | URL) => {
    let url = new URL(String(input), ORIGIN);
    let redirected = false;
    let reply: Reply;
    for (let hops = 0; ; hops++) {
      const path = url.pathname + url.search;
      calls.push(path);
      reply = answer(path, url.pathname);
      const location = reply.headers?.Location;
      if (![301, 302, 303, 307, 308].includes(reply.status) || !location || hops === 20) break;
      url = new URL(location, url);
      redirected = true;
    }
    const res = new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...(reply.headers ?? {}) },
    });
    // What a browser's Response says after following redirects; the constructor cannot set these.
    Object.defineProperty(res, 'url', { value: url.href });
    Object.defineProperty(res, 'redirected', { value: redirected });
    return res;
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}
