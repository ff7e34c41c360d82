// How a packaged version compares with Rawhide's and upstream's: one rule for the Versions grid,
// the Overview's glance and the Upstream tab's "behind upstream" flag.

import { newest, rpmvercmp } from './rpmver';
import type { UpstreamDoc, VersionsDoc } from './types';

export type VersionStatus = 'upstream' | 'rawhide' | 'behind' | 'unknown';

export interface References {
  /** Rawhide's newest version (stable or testing). */
  rawhide: string | null;
  /** Upstream's latest stable version (Anitya), else its latest. */
  upstream: string | null;
}

export function references(versions: VersionsDoc | null | undefined, up: UpstreamDoc | null | undefined): References {
  const rawhideRow = versions?.releases.find((r) => r.branch === 'rawhide');
  return {
    rawhide: newest([rawhideRow?.stable?.version, rawhideRow?.testing?.version]) ?? up?.rawhideVersion ?? null,
    upstream: up?.stableVersion ?? up?.latestVersion ?? null,
  };
}

/** `upstream`: at least upstream's; `rawhide`: at least Rawhide's; `behind`: older than one of them. */
export function versionStatus(version: string | null | undefined, refs: References): VersionStatus {
  if (!version) return 'unknown';
  if (refs.upstream && rpmvercmp(version, refs.upstream) >= 0) return 'upstream';
  if (refs.rawhide && rpmvercmp(version, refs.rawhide) >= 0) return 'rawhide';
  if (refs.upstream || refs.rawhide) return 'behind';
  return 'unknown';
}

export const STATUS_TEXT: Record<VersionStatus, string> = {
  upstream: 'matches upstream',
  rawhide: 'matches Rawhide',
  behind: 'behind',
  unknown: 'nothing to compare with',
};

/**
 * Is the distribution behind upstream? Anitya only compares with Rawhide (null for an EPEL-only
 * package such as redis); then the newest version in any active release is compared.
 */
export function behindUpstream(up: UpstreamDoc, versions: VersionsDoc | null | undefined): { behind: boolean | null; compared: string | null; where: string | null } {
  if (up.outdated !== null && up.rawhideVersion) return { behind: up.outdated, compared: up.rawhideVersion, where: 'Rawhide' };
  const target = up.stableVersion ?? up.latestVersion;
  let best: { v: string; where: string } | null = null;
  for (const r of versions?.releases ?? []) {
    for (const b of [r.stable, r.testing]) {
      if (b?.version && (!best || rpmvercmp(b.version, best.v) > 0)) best = { v: b.version, where: r.longName || r.release };
    }
  }
  if (!target || !best) return { behind: up.outdated, compared: up.rawhideVersion, where: up.rawhideVersion ? 'Rawhide' : null };
  return { behind: rpmvercmp(best.v, target) < 0, compared: best.v, where: best.where };
}
