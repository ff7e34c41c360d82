import { describe, expect, it } from 'vitest';
import { age, ago, evr, formatAge, formatCount, formatDate, formatDateTime, formatDuration, packagePath, safeUrl, shortUrl } from './format';

const NOW = Date.parse('2026-11-25T16:30:00Z');

describe('formatAge / ago', () => {
  it('uses seconds below a minute', () => {
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(12_400)).toBe('12 s');
    expect(formatAge(59_999)).toBe('59 s');
  });
  it('uses minutes, hours and days', () => {
    expect(formatAge(60_000)).toBe('1 min');
    expect(formatAge(5 * 60_000 + 30_000)).toBe('5 min');
    expect(formatAge(3 * 3600_000 + 59 * 60_000)).toBe('3 h');
    expect(formatAge(23 * 3600_000)).toBe('23 h');
    expect(formatAge(2 * 86400_000 + 5 * 3600_000)).toBe('2 d');
  });
  it('treats future timestamps (clock skew) as now', () => {
    expect(formatAge(-5000)).toBe('0 s');
    expect(ago('2026-11-25T16:30:10Z', NOW)).toBe('0 s ago');
  });
  it('formats from ISO timestamps', () => {
    expect(ago('2026-11-25T16:29:48Z', NOW)).toBe('12 s ago');
    expect(ago('2026-11-25T16:25:00Z', NOW)).toBe('5 min ago');
    expect(ago('2026-11-25T13:30:00Z', NOW)).toBe('3 h ago');
    expect(ago('2026-11-23T16:30:00Z', NOW)).toBe('2 d ago');
    expect(age('2026-11-25T14:30:00Z', NOW)).toBe('2 h');
  });
  it('says unknown for missing or bad timestamps', () => {
    expect(ago(null, NOW)).toBe('unknown');
    expect(ago('not a date', NOW)).toBe('unknown');
    expect(age(undefined, NOW)).toBe('unknown');
  });
});

describe('dates and durations', () => {
  it('formats dates in UTC', () => {
    expect(formatDate('2026-11-25T23:59:00Z')).toBe('2026-11-25');
    expect(formatDateTime('2026-11-25T16:30:00Z')).toBe('2026-11-25 16:30 UTC');
    expect(formatDate(null)).toBe('');
  });
  it('formats build durations', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(252)).toBe('4 min 12 s');
    expect(formatDuration(240)).toBe('4 min');
    expect(formatDuration(3780)).toBe('1 h 3 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(-1)).toBe('');
  });
});

describe('urls and names', () => {
  it('only accepts http(s) URLs', () => {
    expect(safeUrl('https://curl.se/')).toBe('https://curl.se/');
    expect(safeUrl('http://example.org/x?y=1')).toBe('http://example.org/x?y=1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
  it('shortens source URLs for link text', () => {
    expect(shortUrl('https://mdapi.fedoraproject.org/rawhide/srcpkg/curl')).toBe('mdapi.fedoraproject.org/rawhide/srcpkg/curl');
    expect(shortUrl('http://127.0.0.1:8089/')).toBe('127.0.0.1:8089');
  });
  it('builds package paths, keeping + readable and encoding the rest', () => {
    expect(packagePath('curl')).toBe('/packages/curl');
    expect(packagePath('curl', 'overview')).toBe('/packages/curl');
    expect(packagePath('curl', 'builds')).toBe('/packages/curl/builds');
    expect(packagePath('libstdc++')).toBe('/packages/libstdc++');
    expect(packagePath('a/b?c')).toBe('/packages/a%2Fb%3Fc');
  });
  it('formats epoch:version-release without a zero epoch', () => {
    expect(evr(null, '8.11.1', '1.fc44')).toBe('8.11.1-1.fc44');
    expect(evr('0', '8.11.1', '1.fc44')).toBe('8.11.1-1.fc44');
    expect(evr(2, '1.0', '3')).toBe('2:1.0-3');
    expect(evr(null, null, '3')).toBe('');
  });
});

describe('formatCount', () => {
  it('separates thousands with commas whatever the locale', () => {
    expect([0, 999, 12400, 34172, 1234567].map(formatCount)).toEqual(['0', '999', '12,400', '34,172', '1,234,567']);
  });
});
