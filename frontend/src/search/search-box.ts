// The site-wide search box: a form (works as a plain GET /search?q=… too) with typeahead from
// /api/v1/search/suggest, following the WAI-ARIA combobox pattern (list popup, active descendant),
// and "/" anywhere on the page to focus it.

import { type Result, suggest } from '../api';
import { h, replace } from '../dom';
import { packagePath } from '../format';
import { searchPath } from '../router';
import type { Suggestion, Suggestions } from '../types';

export interface SearchBoxOptions {
  navigate: (path: string) => void;
  /** Injected by tests; defaults to the API. */
  suggestFn?: (q: string, signal: AbortSignal) => Promise<Result<Suggestions>>;
  /** Wait after the last keystroke before asking (ms). */
  debounceMs?: number;
}

let ids = 0;

export class SearchBox {
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly live: HTMLElement;
  private items: Suggestion[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: AbortController | null = null;
  /** The text the shown suggestions answer, so a late answer to older text is dropped. */
  private asked = '';
  private readonly suggestFn: (q: string, signal: AbortSignal) => Promise<Result<Suggestions>>;

  constructor(private readonly opts: SearchBoxOptions) {
    const n = ++ids;
    const listId = `search-suggestions-${n}`;
    this.suggestFn = opts.suggestFn ?? ((q, signal) => suggest(q, signal));
    this.input = h('input', {
      type: 'search',
      name: 'q',
      id: `search-input-${n}`,
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-keyshortcuts': '/',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      placeholder: 'Search packages (press /)',
      maxlength: 200,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': 'Package names', hidden: true });
    this.live = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.form = h(
      'form',
      { class: 'search-box', role: 'search', action: '/search', method: 'get' },
      h('label', { for: this.input.id, class: 'visually-hidden' }, 'Search packages'),
      h('div', { class: 'search-field' }, this.input, this.list),
      h('button', { type: 'submit' }, 'Search'),
      this.live,
    );
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    // mousedown, not click: it comes before the input's blur closes the list.
    this.list.addEventListener('mousedown', (e) => {
      const li = (e.target as Element).closest<HTMLElement>('[role=option]');
      if (!li) return;
      e.preventDefault();
      this.choose(Number(li.dataset.index));
    });
  }

  /** Shows `q` in the box (e.g. the search page's query after Back). */
  setValue(q: string): void {
    this.input.value = q;
    this.close();
  }

  /** "/" focuses the box unless the person is typing somewhere. Returns the remover. */
  bindSlashKey(doc: Document = document): () => void {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      this.input.focus();
      this.input.select();
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (!q) {
      this.inflight?.abort();
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.fetch(q), this.opts.debounceMs ?? 120);
  }

  private async fetch(q: string): Promise<void> {
    this.inflight?.abort();
    const ctl = new AbortController();
    this.inflight = ctl;
    this.asked = q;
    const r = await this.suggestFn(q, ctl.signal);
    if (ctl.signal.aborted || this.asked !== this.input.value.trim()) return;
    // Typeahead is a convenience: on any failure the box keeps working as a plain search form.
    this.show(r.kind === 'ok' ? r.value.items : []);
  }

  private show(items: Suggestion[]): void {
    this.items = items;
    this.active = -1;
    const q = this.input.value.trim();
    replace(
      this.list,
      items.map((s, i) =>
        h(
          'li',
          { id: `${this.list.id}-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
          h('span', { class: 'suggestion-name' }, s.name),
          s.packageName !== s.name ? h('span', { class: 'suggestion-source' }, ` in ${s.packageName}`) : null,
        ),
      ),
      // Last: the results page, for when the name typed is not what the person is after.
      items.length
        ? h(
            'li',
            { id: `${this.list.id}-${items.length}`, role: 'option', 'aria-selected': 'false', 'data-index': items.length, class: 'suggestion-all' },
            `All results for “${q}”`,
          )
        : null,
    );
    const open = items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
    this.live.textContent = open ? `${items.length} suggestion${items.length === 1 ? '' : 's'}` : '';
  }

  private close(): void {
    if (this.list.hidden && this.items.length === 0) return;
    this.items = [];
    this.active = -1;
    this.list.hidden = true;
    this.list.replaceChildren();
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private move(to: number): void {
    if (this.items.length === 0) return;
    // The suggestions, then "All results".
    const n = this.items.length + 1;
    this.active = ((to % n) + n) % n;
    this.list.querySelectorAll<HTMLElement>('[role=option]').forEach((li, i) => {
      li.setAttribute('aria-selected', String(i === this.active));
      if (i === this.active) li.scrollIntoView?.({ block: 'nearest' });
    });
    this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  private onKey(e: KeyboardEvent): void {
    const open = !this.list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        if (!open) return;
        e.preventDefault();
        this.move(this.active + 1);
        break;
      case 'ArrowUp':
        if (!open) return;
        e.preventDefault();
        this.move(this.active < 0 ? this.items.length : this.active - 1);
        break;
      case 'Enter':
        if (open && this.active >= 0) {
          e.preventDefault();
          this.choose(this.active);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          this.close();
        } else if (this.input.value) {
          e.preventDefault();
          this.input.value = '';
        }
        break;
    }
  }

  /** A suggestion leads to the page of the package it belongs to (a sub-package's source). */
  private choose(i: number): void {
    if (i === this.items.length) {
      this.submit(true);
      return;
    }
    const s = this.items[i];
    if (!s) return;
    this.input.value = s.name;
    this.close();
    this.opts.navigate(packagePath(s.packageName));
  }

  /**
   * The exact name of a package or sub-package leads to its page (vim-X11: vim's), as a suggestion
   * would; anything else, or `results`, to the results page.
   */
  private submit(results = false): void {
    const q = this.input.value.trim();
    const exact = results ? undefined : this.items.find((s) => s.name === q);
    this.close();
    if (!q) {
      this.input.focus();
      return;
    }
    this.opts.navigate(exact ? packagePath(exact.packageName) : searchPath({ q }));
  }
}
