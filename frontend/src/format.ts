// Pure formatting helpers (no DOM), so they are trivial to unit-test.

/** Compact age: "12 s", "5 min", "3 h", "2 d". Negative ages (clock skew) count as 0 s. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** "12 s ago" from an ISO timestamp; "unknown" when it is missing or unparsable. */
export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  const t = parseTime(iso);
  return t === null ? 'unknown' : `${formatAge(now - t)} ago`;
}

/** "2 h" (age without "ago"), for "data is 2 h old". */
export function age(iso: string | null | undefined, now: number = Date.now()): string {
  const t = parseTime(iso);
  return t === null ? 'unknown' : formatAge(now - t);
}

/** "2026-11-25" in UTC; "" when missing. Dates are shown in UTC like the upstreams do. */
export function formatDate(iso: string | null | undefined): string {
  const t = parseTime(iso);
  return t === null ? '' : new Date(t).toISOString().slice(0, 10);
}

/** "2026-11-25 16:30 UTC"; "" when missing. */
export function formatDateTime(iso: string | null | undefined): string {
  const t = parseTime(iso);
  if (t === null) return '';
  const s = new Date(t).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** Build durations: "45 s", "4 min 12 s", "1 h 3 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${Math.floor(s / 60)} min`;
  }
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  return min ? `${h} h ${min} min` : `${h} h`;
}

/** Only http(s) links from API data become hrefs; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Link text for a source URL: host and path without the scheme or query. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return u.host + path;
  } catch {
    return url;
  }
}

/** Path of a package page; `+` (libstdc++) is kept readable, everything else URI-encoded. */
export function packagePath(name: string, tab?: string): string {
  const p = `/packages/${encodeURIComponent(name).replace(/%2B/gi, '+')}`;
  return tab && tab !== 'overview' ? `${p}/${tab}` : p;
}

/** "epoch:version-release" without a zero/absent epoch. */
export function evr(
  epoch: string | number | null | undefined,
  version: string | null | undefined,
  release: string | null | undefined,
): string {
  if (!version) return '';
  const e = epoch === null || epoch === undefined || epoch === '' || String(epoch) === '0' ? '' : `${epoch}:`;
  return release ? `${e}${version}-${release}` : `${e}${version}`;
}

/** Counts with thousands separators ("34,172"), the same in every browser locale. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1.4 MiB" (binary units, as dnf prints them); "" when unknown. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
