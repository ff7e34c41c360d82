// For a name that is not a package: what search knows about it. A name only something provides
// ("webclient", "python3dist(requests)") leads to the providing package; anything else gets "did
// you mean" suggestions.

import { search } from '../api';
import type { SearchHit } from '../types';

export interface NameLookup {
  /** The source package that provides (or has a sub-package of) exactly this name. */
  provider: string | null;
  /** Other close hits, best first. */
  suggestions: SearchHit[];
}

export async function lookUpName(name: string, signal?: AbortSignal): Promise<NameLookup> {
  const r = await search({ q: name, limit: 6 }, signal);
  if (r.kind !== 'ok') return { provider: null, suggestions: [] };
  const exact = r.value.items.find(
    (i) => (i.matched.field === 'provides' || i.matched.field === 'subpackage') && i.matched.value === name,
  );
  return { provider: exact?.name ?? null, suggestions: r.value.items.filter((i) => i.name !== name).slice(0, 5) };
}
