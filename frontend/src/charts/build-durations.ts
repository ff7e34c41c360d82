// Builds: duration of each build over time, one mark per build, failures drawn as crosses (so the
// difference is not in colour alone). The table below the chart holds the same data as text.

import { formatDate, formatDuration } from '../format';
import type { BuildsDoc } from '../types';
import { anchor, niceTicks, s, scale, timeLabel, timeTicks } from './svg';

type BuildRow = BuildsDoc['builds'][number];

const W = 640;
const H = 220;
const M = { top: 12, right: 16, bottom: 28, left: 52 };

export function buildDurationChart(builds: BuildRow[]): SVGSVGElement | null {
  const pts = builds
    .map((b) => ({ b, t: Date.parse(b.startedAt ?? ''), d: b.durationSeconds }))
    .filter((p): p is { b: BuildRow; t: number; d: number } => Number.isFinite(p.t) && typeof p.d === 'number' && p.d >= 0);
  if (pts.length === 0) return null;
  const t0 = Math.min(...pts.map((p) => p.t));
  const t1 = Math.max(...pts.map((p) => p.t));
  const maxMin = Math.max(1, ...pts.map((p) => p.d / 60));
  const yTicks = niceTicks(0, maxMin, 4);
  // One more tick above the longest build, so the top of the scale is labelled.
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : maxMin;
  if (yTicks[yTicks.length - 1] < maxMin) yTicks.push(Number((yTicks[yTicks.length - 1] + step).toFixed(10)));
  const yMax = yTicks[yTicks.length - 1];
  const x = scale(t0, t1, M.left, W - M.right);
  const y = scale(0, yMax, H - M.bottom, M.top);
  const failed = pts.filter((p) => p.b.state === 'FAILED').length;
  const label =
    `Build durations of ${pts.length} builds from ${formatDate(new Date(t0).toISOString())} to ${formatDate(new Date(t1).toISOString())}` +
    `; longest ${formatDuration(maxMin * 60)}; ${failed} failed.`;
  const mark = (p: (typeof pts)[number]) => {
    const cx = x(p.t);
    const cy = y(p.d / 60);
    const title = s('title', {}, `${p.b.nvr}: ${(p.b.state ?? 'unknown').toLowerCase()}, ${formatDuration(p.d)}, started ${formatDate(p.b.startedAt)}`);
    if (p.b.state === 'FAILED') {
      return s('g', { class: 'mark mark-failed' }, title, s('path', { d: `M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx - 4},${cy + 4}L${cx + 4},${cy - 4}` }));
    }
    return s('circle', { class: p.b.state === 'COMPLETE' ? 'mark mark-ok' : 'mark mark-other', cx, cy, r: 3.5 }, title);
  };
  return s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' },
    // Value axis: minutes.
    yTicks.map((v) => s('g', { class: 'tick' }, s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }), s('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, `${v} min`))),
    timeTicks(t0, t1, 4).map((t, i, all) =>
      s('text', { class: 'tick', x: x(t), y: H - 8, 'text-anchor': anchor(i, all.length) }, timeLabel(t, t1 - t0)),
    ),
    pts.map(mark),
  );
}
