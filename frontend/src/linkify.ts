// Turns references in free text (changelogs) into links, without ever parsing the text as HTML:
// "rhbz#123456" / "RHBZ #123456" / "bz123456" → Bugzilla, "CVE-2026-1234" → Red Hat's CVE page,
// http(s) URLs → themselves. Everything else stays a text node.

import { type Child, extLink } from './dom';
import { upstream } from './links';

// One alternation so matches never overlap; URL first (it may contain "#123").
const TOKEN = /(https?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?])|\b(?:rh)?bz\s?#?\s?(\d{5,8})\b|\b(CVE-\d{4}-\d{4,7})\b/gi;

export function linkify(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(extLink(m[1], m[1]));
    else if (m[2]) out.push(extLink(upstream.bugzillaBug(m[2]), m[0], { title: `Red Hat Bugzilla #${m[2]}` }));
    else out.push(extLink(`https://access.redhat.com/security/cve/${m[3].toUpperCase()}`, m[3]));
    last = m.index + m[0].length;
  }
  TOKEN.lastIndex = 0;
  if (last < text.length) out.push(text.slice(last));
  return out;
}
