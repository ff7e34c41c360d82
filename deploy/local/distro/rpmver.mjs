// RPM version helpers shared by the demo generator and the repository metadata.

/** A plausible earlier version: the last number lowered by `step` (never below 0). */
export function olderVersion(v, step) {
  const parts = v.split('.');
  for (let s = 0; s < step; s++) {
    for (let k = parts.length - 1; k >= 0; k--) {
      const mm = /^(\d+)(.*)$/.exec(parts[k]);
      if (mm && parseInt(mm[1], 10) >= 1 && (k > 0 || parts.length === 1)) {
        parts[k] = `${parseInt(mm[1], 10) - 1}${mm[2]}`;
        break;
      }
    }
  }
  return parts.join('.');
}

/** RPM version comparison (rpmvercmp): -1, 0, 1; enough for the demo's and the corpus' versions. */
export function rpmvercmp(a, b) {
  if (a === b) return 0;
  const seg = (s) => s.match(/~|\^|[0-9]+|[A-Za-z]+/g) || [];
  const x = seg(a);
  const y = seg(b);
  while (x.length || y.length) {
    const p = x.shift();
    const q = y.shift();
    if (p === '~' || q === '~') { if (p !== '~') return 1; if (q !== '~') return -1; continue; }
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && !qn) return 1;
    if (!pn && qn) return -1;
    if (pn) { const d = BigInt(p) - BigInt(q); if (d !== 0n) return d > 0n ? 1 : -1; } else if (p !== q) return p > q ? 1 : -1;
  }
  return 0;
}

/** Compares two [epoch, version, release] the way rpm orders EVRs. */
export function evrcmp(a, b) {
  const e = (parseInt(a[0] || '0', 10) || 0) - (parseInt(b[0] || '0', 10) || 0);
  if (e) return e > 0 ? 1 : -1;
  return rpmvercmp(a[1], b[1]) || rpmvercmp(a[2], b[2]);
}
