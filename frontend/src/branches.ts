// Where a package ships, from the branch names the API lists (rawhide, f43, epel10, …).

/** 0 Rawhide, 1 Fedora releases, 2 EPEL, 3 anything else. */
function family(branch: string): number {
  if (branch === 'rawhide') return 0;
  if (/^f\d+$/.test(branch)) return 1;
  if (/^epel\d/.test(branch)) return 2;
  return 3;
}

/** Rawhide, then Fedora newest first, then EPEL newest first, then the rest by name. */
export function sortBranches(branches: readonly string[]): string[] {
  return [...new Set(branches)].sort((a, b) => {
    const fa = family(a);
    const fb = family(b);
    if (fa !== fb) return fa - fb;
    // Numeric compare, so f100 > f99 and epel10.10 > epel10.9.
    return fa === 3 ? a.localeCompare(b, 'en') : b.localeCompare(a, 'en', { numeric: true });
  });
}

/** The retired notice: "Retired: no longer in Rawhide. Last shipped in f43." */
export function retiredText(branches: readonly string[]): string {
  const sorted = sortBranches(branches);
  if (sorted.length === 0) return 'Retired: no longer shipped in any branch.';
  // The API calls a package retired once it left Rawhide; should it list Rawhide anyway, say no more.
  if (sorted[0] === 'rawhide') return 'Retired.';
  return `Retired: no longer in Rawhide. Last shipped in ${sorted[0]}.`;
}

/** What a person calls a branch: "Rawhide", "Fedora 43", "EPEL 10.1"; anything else as it is. */
export function branchLabel(branch: string): string {
  if (branch === 'rawhide') return 'Rawhide';
  const fedora = /^f(\d+)$/.exec(branch);
  if (fedora) return `Fedora ${fedora[1]}`;
  const epel = /^epel(\d[\d.]*)$/.exec(branch);
  if (epel) return `EPEL ${epel[1]}`;
  return branch;
}

/** Branch names as the SPA puts them in a URL (`?branch=f43`); anything else is ignored. */
export const BRANCH_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;
