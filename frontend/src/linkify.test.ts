import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

function render(text: string) {
  const el = document.createElement('pre');
  for (const c of linkify(text)) el.append(c as Node | string);
  return el;
}

describe('linkify', () => {
  it('links rhbz# references, CVEs and URLs, leaving punctuation and the rest as text', () => {
    const el = render('- Fix crash (rhbz#2400001, RHBZ #2400002), CVE-2026-0001; see https://curl.se/changes.html.');
    expect([...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['rhbz#2400001', 'https://bugzilla.redhat.com/show_bug.cgi?id=2400001'],
      ['RHBZ #2400002', 'https://bugzilla.redhat.com/show_bug.cgi?id=2400002'],
      ['CVE-2026-0001', 'https://access.redhat.com/security/cve/CVE-2026-0001'],
      ['https://curl.se/changes.html', 'https://curl.se/changes.html'],
    ]);
    expect(el.textContent).toBe('- Fix crash (rhbz#2400001, RHBZ #2400002), CVE-2026-0001; see https://curl.se/changes.html.');
  });
  it('leaves plain text alone, and is repeatable', () => {
    expect(render('- rebuilt for F44').querySelector('a')).toBeNull();
    expect(render('bz 12345').querySelectorAll('a')).toHaveLength(1);
    expect(render('bz 12345').querySelectorAll('a')).toHaveLength(1);
  });
});
