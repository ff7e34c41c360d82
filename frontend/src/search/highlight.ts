// Search hits carry highlights as HTML-escaped text with <mark>…</mark> around matched words. They
// are never parsed as HTML: the marks are cut out and every piece becomes a text node, so whatever
// else the string holds stays text.

import { h } from '../dom';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/** Undoes the server's HTML escaping of a piece of text (numeric references included). */
export function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known) return known;
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    }
    return whole;
  });
}

/** Pieces of a highlight: `marked` for the words between <mark> and </mark>. */
export function highlightParts(s: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) parts.push({ text: unescapeHtml(s.slice(last, m.index)), marked: false });
    parts.push({ text: unescapeHtml(m[1]), marked: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ text: unescapeHtml(s.slice(last)), marked: false });
  return parts;
}

/** A highlight as DOM: text nodes and <mark> elements only. */
export function renderHighlight(s: string): Node[] {
  return highlightParts(s).map((p) => (p.marked ? h('mark', null, p.text) : document.createTextNode(p.text)));
}
