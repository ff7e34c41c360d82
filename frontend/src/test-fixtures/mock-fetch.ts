// A fetch stand-in for unit tests: maps request paths to canned responses, records calls.
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

/** Installs a fetch mock. An array handler answers its replies in order, repeating the last. */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: string[] = [];
  const counters = new Map<string, number>();
  const fn = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname + url.search;
    calls.push(path);
    const key = path in routes ? path : url.pathname;
    const handler = routes[key];
    let reply: Reply;
    if (!handler) reply = problem(404, `no route for ${path}`);
    else if (typeof handler === 'function') reply = handler(path);
    else if (Array.isArray(handler)) {
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      reply = handler[Math.min(n, handler.length - 1)];
    } else reply = handler;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...(reply.headers ?? {}) },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}
