// Updates: one lane per update, from submission to testing to stable; security updates carry a
// "security" label and a different mark. Text in every <title>, and the table has the same dates.

import { formatDate } from '../format';
import type { UpdatesDoc } from '../types';
import { anchor, s, scale, timeLabel, timeTicks } from './svg';

type UpdateRow = UpdatesDoc['updates'][number];

const W = 640;
const LANE = 22;
const M = { top: 8, right: 16, bottom: 26, left: 150 };
/** Lanes beyond this would make the chart taller than a screen; the table lists them all. */
export const MAX_LANES = 15;

const time = (iso: string | null | undefined) => {
  const t = Date.parse(iso ?? '');
  return Number.isFinite(t) ? t : null;
};

export function updateTimeline(updates: UpdateRow[]): SVGSVGElement | null {
  const rows = updates
    .map((u) => ({ u, sub: time(u.dateSubmitted), test: time(u.dateTesting), stable: time(u.dateStable) }))
    .filter((r) => r.sub !== null || r.test !== null || r.stable !== null)
    .slice(0, MAX_LANES);
  if (rows.length === 0) return null;
  const all = rows.flatMap((r) => [r.sub, r.test, r.stable]).filter((t): t is number => t !== null);
  const t0 = Math.min(...all);
  const t1 = Math.max(...all);
  const H = M.top + rows.length * LANE + M.bottom;
  const x = scale(t0, t1, M.left, W - M.right);
  const security = rows.filter((r) => r.u.type === 'security').length;
  const label = `Timeline of ${rows.length} updates: when each reached testing and stable; ${security} security update${security === 1 ? '' : 's'}.`;
  return s(
    'svg',
    { class: 'chart timeline', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label },
    timeTicks(t0, t1, 4).map((t, i, all) =>
      s(
        'g',
        { class: 'tick' },
        s('line', { x1: x(t), x2: x(t), y1: M.top, y2: H - M.bottom }),
        s('text', { x: x(t), y: H - 8, 'text-anchor': anchor(i, all.length) }, timeLabel(t, t1 - t0)),
      ),
    ),
    rows.map((r, i) => {
      const cy = M.top + i * LANE + LANE / 2;
      const sec = r.u.type === 'security';
      const name = `${r.u.alias ?? r.u.title ?? 'update'}${r.u.release ? ` (${r.u.release})` : ''}`;
      const start = r.sub ?? r.test ?? r.stable!;
      const end = r.stable ?? r.test ?? start;
      const dot = (t: number | null, cls: string, what: string) =>
        t === null ? null : s('circle', { class: `mark ${cls}`, cx: x(t), cy, r: 4.5 }, s('title', {}, `${name}: ${what} ${formatDate(new Date(t).toISOString())}`));
      return s(
        'g',
        { class: sec ? 'lane lane-security' : 'lane' },
        s('text', { class: 'lane-label', x: M.left - 8, y: cy + 4, 'text-anchor': 'end' }, sec ? `⚠ ${r.u.release ?? ''} security` : `${r.u.release ?? ''} ${r.u.type ?? ''}`.trim()),
        s('line', { class: 'lane-span', x1: x(start), x2: x(end), y1: cy, y2: cy }),
        dot(r.sub, 'mark-submitted', 'submitted'),
        dot(r.test, 'mark-testing', 'reached testing'),
        dot(r.stable, 'mark-stable', 'reached stable'),
      );
    }),
  );
}
