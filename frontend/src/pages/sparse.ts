// What the header says when the repository metadata (mdapi) has no package of this name, without
// contradicting the tabs that do have data (btop: dist-git, Bugzilla and Anitya know it).

import { tabFor } from '../tabs';
import { CONNECTORS, type PackageMeta } from '../types';

export function sparseOverviewText(pkg: string, meta: PackageMeta | null): string {
  const withData = CONNECTORS.filter((c) => c !== 'overview' && meta?.connectors?.[c]?.status === 'ok').map((c) => tabFor(c).label);
  if (withData.length === 0) return `${pkg} is not in any Fedora or EPEL repository.`;
  return `${pkg} is in no active release's repository metadata, so there is no summary or description; ${withData.join(', ')} ${withData.length === 1 ? 'has' : 'have'} data.`;
}
