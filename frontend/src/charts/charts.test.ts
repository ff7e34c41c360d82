import { describe, expect, it } from 'vitest';
import { buildRelease, buildsTab } from '../tabs/builds';
import { clone, curlEnvelopes } from '../test-fixtures';
import { buildDurationChart } from './build-durations';
import { niceTicks, scale, timeLabel, timeTicks } from './svg';

describe('svg helpers', () => {
  it('scales linearly and picks round ticks', () => {
    expect(scale(0, 10, 100, 200)(5)).toBe(150);
    expect(scale(3, 3, 0, 10)(3)).toBe(5);
    expect(niceTicks(0, 63, 4)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(0, 7.9, 4)).toEqual([0, 2, 4, 6]);
  });
  it('puts long time axes on month starts, across a year end', () => {
    const ticks = timeTicks(Date.parse('2025-11-20T00:00:00Z'), Date.parse('2026-09-24T00:00:00Z'), 4);
    expect(ticks.map((t) => timeLabel(t, 300 * 86_400_000))).toEqual(['2025-12', '2026-03', '2026-06', '2026-09']);
    expect(timeTicks(0, 86_400_000, 4)).toHaveLength(5);
  });
});

describe('build durations chart', () => {
  const builds = curlEnvelopes.builds.data.builds;

  it('draws one mark per build with a duration, failures as crosses, and describes itself', () => {
    const svg = buildDurationChart(builds)!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('.mark')).toHaveLength(3);
    expect(svg.querySelectorAll('.mark-failed path')).toHaveLength(1);
    expect(svg.getAttribute('aria-label')).toMatch(/^Build durations of 3 builds from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; longest 1 h 3 min; 1 failed\.$/);
    expect(svg.querySelector('.mark-failed title')!.textContent).toContain('failed');
    // The top of the value axis is labelled above the longest build (63 min).
    expect([...svg.querySelectorAll('.tick text')].map((t) => t.textContent).at(-1)).toBe('80 min');
  });

  it('draws nothing without durations', () => {
    expect(buildDurationChart(builds.map((b: object) => ({ ...b, durationSeconds: null })))).toBeNull();
  });

  it('filters chart and table by release', () => {
    const data = clone(curlEnvelopes.builds.data);
    data.builds[1].release = '1.fc43';
    data.builds[1].nvr = 'curl-8.11.0-1.fc43';
    const el = buildsTab.render(data, { pkg: 'curl' }) as HTMLElement;
    document.body.replaceChildren(el);
    const select = el.querySelector<HTMLSelectElement>('#builds-release')!;
    expect(el.querySelector(`label[for="builds-release"]`)).not.toBeNull();
    expect([...select.options].map((o) => o.textContent)).toEqual(['All releases (3)', 'fc44 (1)', 'fc43 (2)']);
    select.value = 'fc43';
    select.dispatchEvent(new Event('change'));
    expect([...el.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent)).toEqual(['curl-8.11.0-1.fc43', 'curl-8.11.0-2.fc43']);
    expect(el.querySelectorAll('svg .mark')).toHaveLength(2);
    expect(el.querySelectorAll('svg .mark-failed')).toHaveLength(1);
  });

  it('reads the release from the dist tag', () => {
    expect(buildRelease({ release: '2.fc44', nvr: '' })).toBe('fc44');
    expect(buildRelease({ release: '1.el9_3', nvr: '' })).toBe('el9');
    expect(buildRelease({ release: '', nvr: 'x-1-1.el10' })).toBe('el10');
    expect(buildRelease({ release: '5', nvr: 'x-1-5' })).toBe('other');
  });
});
