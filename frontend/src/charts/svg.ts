// Plain SVG, written by hand: the two charts need a time axis, a value axis and marks, which is
// less code than any charting library's bundle. Like dom.ts, strings only ever become text nodes.

const NS = 'http://www.w3.org/2000/svg';

export type SvgChild = SVGElement | string | null | undefined | false | SvgChild[];

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | null | undefined> = {},
  ...children: SvgChild[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  const add = (c: SvgChild) => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else if (typeof c === 'string') el.appendChild(document.createTextNode(c));
    else el.appendChild(c);
  };
  children.forEach(add);
  return el;
}

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (1, 2 or 5 × a power of ten apart). */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((st) => st >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

const DAY = 86_400_000;

/**
 * Tick times for a time axis: over two months, the first days of every n-th month (so the labels
 * "2026-03", "2026-05" mean what they say); shorter spans, `count` evenly spaced instants.
 */
export function timeTicks(t0: number, t1: number, count = 4): number[] {
  if (!(t1 > t0)) return [t0];
  if (t1 - t0 > 60 * DAY) {
    const start = new Date(t0);
    const step = Math.max(1, Math.ceil((t1 - t0) / (30.44 * DAY) / count));
    const ticks: number[] = [];
    // Date.UTC carries month 12, 13… into the next years.
    for (let m = start.getUTCMonth() + 1; ; m += step) {
      const t = Date.UTC(start.getUTCFullYear(), m, 1);
      if (t > t1) break;
      ticks.push(t);
    }
    return ticks;
  }
  return Array.from({ length: count + 1 }, (_, i) => t0 + ((t1 - t0) * i) / count);
}

/** "2026-11" for long spans, "11-25" for short ones (UTC, like the tables). */
export function timeLabel(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  return spanMs > 60 * DAY ? iso.slice(0, 7) : iso.slice(5, 10);
}

/** Axis labels at the ends align inwards, so they are not cut off at the chart's edges. */
export function anchor(i: number, n: number): 'start' | 'middle' | 'end' {
  return i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
}
