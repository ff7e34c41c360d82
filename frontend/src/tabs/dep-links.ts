// Dependency links that name their package: once the Dependencies tab is on screen, the names it
// links (data-dep) are resolved with /api/v1/resolve, and each one that resolves links straight to
// its package's page ("libc.so.6()(64bit)" → /packages/glibc). The others keep the link they were
// rendered with (depHref: a package page or a search), also when the API cannot resolve at all.

import { packagePath } from '../format';
import { type ResolveCall, resolveNames } from '../resolve-names';

/** `call`: the API request, for tests. */
export async function pointDepLinks(root: ParentNode, signal?: AbortSignal, call?: ResolveCall): Promise<void> {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-dep]')];
  if (links.length === 0) return;
  const found = await resolveNames(links.map((a) => a.dataset.dep!), signal, call);
  if (signal?.aborted) return;
  for (const a of links) {
    const name = a.dataset.dep!;
    const pkg = found.get(name);
    if (!pkg) continue;
    a.setAttribute('href', packagePath(pkg));
    // Says where a soname or capability leads, without changing what the link reads.
    if (pkg !== name) a.title = `in ${pkg}`;
  }
}
