// Live updates of a package page: /api/v1/packages/{name}/events sends one event per refresh of
// one of its documents. EventSource reconnects by itself (with Last-Event-ID, so nothing is missed
// while the API remembers); a "reset" event says it did not remember far enough back.

import { own } from './links';
import { type ConnectorName, type RefreshEvent, isConnector } from './types';

export interface LiveHandlers {
  onRefresh: (e: RefreshEvent) => void;
  /** Events were lost: everything shown may be stale. */
  onReset: () => void;
  /** The stream is (again) connected. */
  onOpen?: () => void;
}

export interface LiveSubscription {
  close(): void;
}

export type Subscribe = (pkg: string, handlers: LiveHandlers) => LiveSubscription | null;

/** The event's body, or null when it is not a refresh event this SPA understands. */
export function parseRefresh(data: unknown): RefreshEvent | null {
  if (typeof data !== 'string') return null;
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.connector !== 'string' || !isConnector(b.connector)) return null;
  if (typeof b.version !== 'number') return null;
  return {
    connector: b.connector as ConnectorName,
    version: b.version,
    refreshedAt: typeof b.refreshedAt === 'string' ? b.refreshedAt : new Date().toISOString(),
    status: b.status === 'absent' ? 'absent' : 'ok',
  };
}

/** Subscribes with the browser's EventSource; null where there is none (tests, old browsers). */
export const subscribeRefreshes: Subscribe = (pkg, handlers) => {
  if (typeof EventSource === 'undefined') return null;
  const es = new EventSource(own.events(pkg));
  es.addEventListener('message', (m) => {
    const e = parseRefresh((m as MessageEvent).data);
    if (e) handlers.onRefresh(e);
  });
  es.addEventListener('reset', () => handlers.onReset());
  es.addEventListener('open', () => handlers.onOpen?.());
  return { close: () => es.close() };
};
