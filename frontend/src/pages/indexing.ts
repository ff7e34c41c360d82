// The home page's "Indexing 12,400 of 34,172 packages…" line while the bootstrap runs. The status
// is polled only while a bootstrap runs; the line goes away once it is done.

import { getStatus, sleep } from '../api';
import { formatCount } from '../format';
import type { Status } from '../types';

/** How often the progress is asked for while a bootstrap runs. */
export const POLL_MS = 5000;

/** The progress line, or null when no bootstrap is running (never ran, or done). */
export function indexingText(s: Status): string | null {
  const b = s.bootstrap;
  if (b?.state !== 'running') return null;
  return `Indexing ${formatCount(b.done)} of ${formatCount(b.total)} packages…`;
}

export interface StatusWatchOptions {
  intervalMs?: number;
  sleepFn?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** One poll; true while it is worth polling again (a bootstrap runs, or ran at the last poll). */
async function poll(line: HTMLElement, signal: AbortSignal, onStatus: (s: Status) => void): Promise<boolean> {
  const r = await getStatus(signal);
  if (signal.aborted) return false;
  // A failed poll keeps the last line (and the polling) if a bootstrap was running.
  if (r.kind !== 'ok') return !line.hidden;
  onStatus(r.value);
  const text = indexingText(r.value);
  line.hidden = text === null;
  line.textContent = text ?? '';
  return text !== null;
}

/**
 * Fills `line` from the status and hands each status to `onStatus`; keeps polling in the background
 * while a bootstrap runs, until `signal` aborts (the person left the page). Resolves after the first
 * poll.
 */
export async function watchStatus(
  line: HTMLElement,
  signal: AbortSignal,
  onStatus: (s: Status) => void,
  opts: StatusWatchOptions = {},
): Promise<void> {
  const wait = opts.sleepFn ?? sleep;
  const interval = opts.intervalMs ?? POLL_MS;
  if (!(await poll(line, signal, onStatus))) return;
  void (async () => {
    do {
      await wait(interval, signal);
      if (signal.aborted) return;
    } while (await poll(line, signal, onStatus));
  })();
}
