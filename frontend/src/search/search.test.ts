import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import type { Result } from '../api';
import { json, mockFetch } from '../test-fixtures/mock-fetch';
import type { SearchPage, Suggestions } from '../types';
import { highlightParts, unescapeHtml } from './highlight';
import { SearchBox } from './search-box';
import { matchReason, rangeText } from '../pages/search';

afterEach(() => vi.unstubAllGlobals());
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('highlights', () => {
  it('cuts out the marks and unescapes the rest', () => {
    expect(highlightParts('a <mark>curl</mark> &amp; <mark>wget</mark>&#39;s')).toEqual([
      { text: 'a ', marked: false },
      { text: 'curl', marked: true },
      { text: ' & ', marked: false },
      { text: 'wget', marked: true },
      { text: "'s", marked: false },
    ]);
    expect(unescapeHtml('&lt;b&gt; &quot;x&quot; &#x41; &unknown;')).toBe('<b> "x" A &unknown;');
  });
});

describe('search box (typeahead)', () => {
  const suggestions: Suggestions = {
    query: 'vim',
    items: [
      { name: 'vim', packageName: 'vim' },
      { name: 'vim-X11', packageName: 'vim' },
      { name: 'vim-haproxy', packageName: 'haproxy' },
    ],
  };
  function make() {
    const navigate = vi.fn();
    const asked: string[] = [];
    const box = new SearchBox({
      navigate,
      debounceMs: 0,
      suggestFn: async (q): Promise<Result<Suggestions>> => {
        asked.push(q);
        return { kind: 'ok', value: suggestions };
      },
    });
    document.body.replaceChildren(box.form);
    return { box, navigate, asked };
  }
  const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  async function type(box: SearchBox, q: string) {
    box.input.value = q;
    box.input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(box.input.getAttribute('aria-expanded')).toBe('true'));
  }

  it('is a labelled combobox in a search landmark', () => {
    const { box } = make();
    expect(box.form.getAttribute('role')).toBe('search');
    expect(box.input.getAttribute('role')).toBe('combobox');
    expect(text(box.form.querySelector(`label[for="${box.input.id}"]`))).toBe('Search packages');
    expect(box.input.getAttribute('aria-controls')).toBe(box.form.querySelector('[role=listbox]')!.id);
  });

  it('suggests names, says where sub-packages lead, and announces the count', async () => {
    const { box, asked } = make();
    await type(box, 'vim');
    expect(asked).toEqual(['vim']);
    expect([...box.form.querySelectorAll('[role=option]')].map(text)).toEqual(['vim', 'vim-X11 in vim', 'vim-haproxy in haproxy', 'All results for “vim”']);
    expect(text(box.form.querySelector('[role=status]'))).toBe('3 suggestions');
  });

  it('moves with the arrow keys (wrapping) and opens the chosen package page', async () => {
    const { box, navigate } = make();
    await type(box, 'vim');
    key(box.input, 'ArrowDown');
    key(box.input, 'ArrowDown');
    const options = [...box.form.querySelectorAll('[role=option]')];
    expect(box.input.getAttribute('aria-activedescendant')).toBe(options[1].id);
    expect(options[1].getAttribute('aria-selected')).toBe('true');
    key(box.input, 'ArrowUp');
    key(box.input, 'ArrowUp');
    // Above the first: the last, "All results".
    expect(box.input.getAttribute('aria-activedescendant')).toBe(options[3].id);
    key(box.input, 'ArrowUp');
    key(box.input, 'ArrowUp');
    key(box.input, 'Enter');
    // vim-X11 is a sub-package: its page is vim's.
    expect(navigate).toHaveBeenCalledWith('/packages/vim');
    expect(box.input.value).toBe('vim-X11');
    expect(box.input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Enter without a chosen suggestion searches; Escape closes, then clears', async () => {
    const { box, navigate } = make();
    await type(box, 'http client');
    key(box.input, 'Escape');
    expect(box.input.getAttribute('aria-expanded')).toBe('false');
    box.form.requestSubmit();
    expect(navigate).toHaveBeenCalledWith('/search?q=http+client');
    key(box.input, 'Escape');
    expect(box.input.value).toBe('');
  });

  it('Enter on an exact name opens its package page (a sub-package: its source), "All results" the results', async () => {
    const { box, navigate } = make();
    await type(box, 'vim-X11');
    box.form.requestSubmit();
    expect(navigate).toHaveBeenLastCalledWith('/packages/vim');
    await type(box, 'vim-X11');
    key(box.input, 'ArrowUp');
    expect(text(box.form.querySelector('[aria-selected=true]'))).toBe('All results for “vim-X11”');
    key(box.input, 'Enter');
    expect(navigate).toHaveBeenLastCalledWith('/search?q=vim-X11');
  });

  it('a suggestion can be picked with the mouse', async () => {
    const { box, navigate } = make();
    await type(box, 'vim');
    box.form.querySelectorAll('[role=option]')[2].dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    expect(navigate).toHaveBeenCalledWith('/packages/haproxy');
  });

  it('drops an answer to text the person has since changed', async () => {
    let release: (r: Result<Suggestions>) => void = () => {};
    const box = new SearchBox({ navigate: () => {}, debounceMs: 0, suggestFn: () => new Promise((r) => (release = r)) });
    box.input.value = 'vi';
    box.input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 5));
    box.input.value = '';
    box.input.dispatchEvent(new Event('input'));
    release({ kind: 'ok', value: suggestions });
    await new Promise((r) => setTimeout(r, 5));
    expect(box.form.querySelectorAll('[role=option]')).toHaveLength(0);
  });

  it('"/" focuses the box, but not while typing in a field', () => {
    const { box } = make();
    const other = document.createElement('input');
    document.body.append(other);
    const unbind = box.bindSlashKey();
    key(document.body, '/');
    expect(document.activeElement).toBe(box.input);
    other.focus();
    key(other, '/');
    expect(document.activeElement).toBe(other);
    unbind();
  });
});

describe('search results page', () => {
  const page = (over: Partial<SearchPage> = {}): SearchPage => ({
    total: 45,
    totalExact: true,
    offset: 20,
    limit: 20,
    items: [
      { name: 'vim', summary: 'The VIM editor', version: '9.1-2.fc44', matched: { field: 'subpackage', value: 'vim-X11' }, highlight: { summary: 'The <mark>VIM</mark> editor' } },
      { name: 'neovim', summary: 'Vim-fork', matched: { field: 'words' } },
    ],
    ...over,
  });

  it('shows ranked hits with highlights, why they matched, and pages', async () => {
    const { calls } = mockFetch({ '/api/v1/search': json(page()) });
    const main = document.createElement('main');
    await new App(main).show({ page: 'search', query: { q: 'vim', branch: 'f43', maintainer: '', offset: 20 } });
    expect(calls).toEqual(['/api/v1/search?q=vim&branch=f43&offset=20&limit=20']);
    expect(text(main.querySelector('h1'))).toBe('Search: vim');
    expect(text(main.querySelector('[role=status]'))).toBe('Results 21–22 of 45');
    const hits = [...main.querySelectorAll('.hit')];
    expect(hits.map((h) => h.querySelector('a')!.getAttribute('href'))).toEqual(['/packages/vim', '/packages/neovim']);
    expect(text(hits[0].querySelector('mark'))).toBe('VIM');
    expect(text(hits[0].querySelector('.hit-reason'))).toBe('has sub-package vim-X11');
    expect(main.querySelector('ol')!.getAttribute('start')).toBe('21');
    const pager = [...main.querySelectorAll('.pager a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(pager).toEqual([
      ['← Previous', '/search?q=vim&branch=f43'],
      ['Next →', '/search?q=vim&branch=f43&offset=40'],
    ]);
  });

  it('filters are a form that builds the URL', async () => {
    mockFetch({ '/api/v1/search': json(page({ offset: 0, total: 2 })) });
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const navigate = vi.fn();
    await new App(main, { navigate }).show({ page: 'search', query: { q: 'vim', branch: '', maintainer: '', offset: 40 } });
    main.querySelector<HTMLInputElement>('#filter-maintainer')!.value = ' jdoe ';
    main.querySelector<HTMLInputElement>('#filter-branch')!.value = 'epel9';
    main.querySelector<HTMLFormElement>('.search-filters')!.requestSubmit();
    // A new filter starts at the first page.
    expect(navigate).toHaveBeenCalledWith('/search?q=vim&branch=epel9&maintainer=jdoe');
    expect(main.querySelector('.pager')).toBeNull();
  });

  it('says when search is down, and when nothing matched', async () => {
    mockFetch({ '/api/v1/search': { status: 503, headers: { 'Retry-After': '5' } } });
    const main = document.createElement('main');
    await new App(main).show({ page: 'search', query: { q: 'vim', branch: '', maintainer: '', offset: 0 } });
    expect(text(main.querySelector('.notice.error'))).toBe('Search is unavailable right now; package pages still work. Try again in a moment.');
    mockFetch({ '/api/v1/search': json(page({ total: 0, offset: 0, items: [] })) });
    await new App(main).show({ page: 'search', query: { q: 'zzzz', branch: 'f43', maintainer: '', offset: 0 } });
    expect(text(main.querySelector('[role=status]'))).toBe('No packages found.');
    expect(text(main.querySelector('.results'))).toBe('Try fewer words, another spelling, or fewer filters.');
  });

  it('without a query it asks for one and calls nothing', async () => {
    const { calls } = mockFetch({});
    const main = document.createElement('main');
    await new App(main).show({ page: 'search', query: { q: '', branch: '', maintainer: '', offset: 0 } });
    expect(calls).toEqual([]);
    expect(text(main.querySelector('[role=status]'))).toContain('Type a package name');
  });

  it('words for why a hit matched, and the count line', () => {
    expect(matchReason({ name: 'a', matched: { field: 'provides', value: 'webclient' } })).toBe('provides webclient');
    expect(matchReason({ name: 'a', matched: { field: 'similar' } })).toBe('similar spelling');
    expect(matchReason({ name: 'a', matched: { field: 'name' } })).toBeNull();
    expect(rangeText({ total: 1000, totalExact: false, offset: 0, limit: 20, items: new Array(20) })).toBe('Results 1–20 of more than 1,000');
  });
});
