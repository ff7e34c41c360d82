// RPM version comparison (the rpmvercmp rules that dnf uses), so that the Versions grid and the
// "behind upstream" flag agree with what Fedora's tools would say: 1.10 > 1.9, 1.0~rc1 < 1.0,
// 1.0^git1 > 1.0, numbers beat letters.

/** < 0 when a is older than b, 0 when equal, > 0 when newer. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    // Separators (anything but letters, digits, ~ and ^) only split segments.
    while (i < a.length && !/[A-Za-z0-9~^]/.test(a[i])) i++;
    while (j < b.length && !/[A-Za-z0-9~^]/.test(b[j])) j++;
    // ~ sorts before everything, even the end of the string.
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // ^ sorts after the end of the string but before anything else.
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = /[0-9]/.test(a[i]);
    const re = numeric ? /[0-9]/ : /[A-Za-z]/;
    let ei = i;
    let ej = j;
    while (ei < a.length && re.test(a[ei])) ei++;
    while (ej < b.length && re.test(b[ej])) ej++;
    const sa = a.slice(i, ei);
    const sb = b.slice(j, ej);
    // One numeric segment against an alphabetic one: the numeric is newer.
    if (sb.length === 0) return numeric ? 1 : -1;
    if (numeric) {
      const na = sa.replace(/^0+/, '');
      const nb = sb.replace(/^0+/, '');
      if (na.length !== nb.length) return na.length > nb.length ? 1 : -1;
      if (na !== nb) return na > nb ? 1 : -1;
    } else if (sa !== sb) {
      return sa > sb ? 1 : -1;
    }
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** The newest of some versions (nulls ignored), or null. */
export function newest(versions: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const v of versions) if (v && (best === null || rpmvercmp(v, best) > 0)) best = v;
  return best;
}
