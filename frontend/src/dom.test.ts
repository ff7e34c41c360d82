import { describe, expect, it } from 'vitest';
import { markScrollables, table } from './dom';

/** jsdom has no layout: give an element the sizes a browser would measure. */
function sized(el: HTMLElement, scrollWidth: number, clientWidth: number) {
  Object.defineProperty(el, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(el, 'clientWidth', { configurable: true, value: clientWidth });
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: 10 });
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: 10 });
}

describe('markScrollables', () => {
  it('gives a box that scrolls a tab stop and a name, and takes them away when it no longer does', () => {
    const root = document.createElement('div');
    const wide = table('Lookaside cache', ['File', 'Hash'], [['a.tar.gz', 'abc']]);
    const narrow = table(null, ['Name'], [['x']]);
    root.append(wide, narrow);
    sized(wide, 800, 390);
    sized(narrow, 300, 390);
    markScrollables(root);
    expect(wide.getAttribute('tabindex')).toBe('0');
    expect(wide.getAttribute('role')).toBe('region');
    expect(wide.getAttribute('aria-label')).toBe('Lookaside cache (scrolls sideways)');
    expect(narrow.hasAttribute('tabindex')).toBe(false);
    sized(wide, 390, 390);
    markScrollables(root);
    expect(wide.hasAttribute('tabindex')).toBe(false);
    expect(wide.hasAttribute('role')).toBe(false);
  });
});
