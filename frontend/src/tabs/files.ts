import { upstream } from '../links';
import { h } from '../dom';
import type { FilesDoc } from '../types';
import { branchLine } from './branch-picker';
import { type TabDef, emptyNote } from './common';

export interface TreeNode {
  name: string;
  dir: boolean;
  children: Map<string, TreeNode>;
}

/** Builds a directory tree from sorted absolute paths; entries ending in "/" are directories. */
export function buildTree(paths: string[]): TreeNode {
  const root: TreeNode = { name: '/', dir: true, children: new Map() };
  for (const p of paths) {
    const isDir = p.endsWith('/');
    const parts = p.split('/').filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      let child = node.children.get(part);
      if (!child) {
        child = { name: part, dir: !last || isDir, children: new Map() };
        node.children.set(part, child);
      } else if (!last || isDir) {
        child.dir = true;
      }
      node = child;
    });
  }
  return root;
}

/** Joins chains of single-child directories ("usr/share/doc/curl") to keep the tree shallow. */
export function compress(node: TreeNode): TreeNode {
  let n = node;
  let name = n.name;
  while (n.dir && n.children.size === 1) {
    const only = [...n.children.values()][0];
    if (!only.dir) break;
    name = name === '/' ? `/${only.name}` : `${name}/${only.name}`;
    n = only;
  }
  const children = new Map<string, TreeNode>();
  for (const [k, c] of n.children) children.set(k, compress(c));
  return { name, dir: n.dir, children };
}

function sortedChildren(n: TreeNode): TreeNode[] {
  // Directories first, then files, each alphabetical: what file managers do.
  return [...n.children.values()].sort((a, b) => Number(b.dir) - Number(a.dir) || a.name.localeCompare(b.name));
}

function renderNode(n: TreeNode, depth: number, openDepth: number): HTMLElement {
  if (!n.dir) return h('li', { class: 'file' }, n.name);
  const kids = sortedChildren(n);
  const label = `${n.name}/`.replace(/^\/\//, '/');
  if (kids.length === 0) return h('li', { class: 'dir empty-dir' }, label);
  return h(
    'li',
    { class: 'dir' },
    h(
      'details',
      { open: depth < openDepth },
      h('summary', null, label),
      h('ul', null, kids.map((k) => renderNode(k, depth + 1, openDepth))),
    ),
  );
}

export function fileTree(paths: string[]): HTMLElement {
  const root = compress(buildTree(paths));
  // Small lists open fully; big ones (kernel modules, icon themes) only show the top levels.
  const openDepth = paths.length <= 300 ? Infinity : 2;
  const top = root.name === '/' ? sortedChildren(root) : [root];
  return h('ul', { class: 'file-tree' }, top.map((n) => renderNode(n, 0, openDepth)));
}

export const filesTab: TabDef<FilesDoc> = {
  id: 'files',
  links: (pkg) => [{ label: 'packages.fedoraproject.org', url: upstream.repoData(pkg) }],
  label: 'Files',
  absentMessage: (pkg) => `No file lists for ${pkg}: it is in no repository mdapi knows.`,
  render(d, ctx) {
    return h(
      'div',
      null,
      branchLine(d, 'files', ctx),
      d.subpackages.length === 0 ? emptyNote('No sub-packages.') : null,
      d.subpackages.map((sp) => {
        const count = sp.files.filter((f) => !f.endsWith('/')).length;
        return h(
          'details',
          { class: 'subpkg', open: true },
          h('summary', null, h('code', null, sp.name), ` (${count} file${count === 1 ? '' : 's'})`),
          sp.files.length === 0 ? emptyNote('No files.') : fileTree(sp.files),
        );
      }),
    );
  },
};
