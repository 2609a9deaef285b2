/**
 * A small hash router: `#/library`, `#/read/<id>`, `#/search?q=…`, `#/highlights`, `#/topics`,
 * `#/review`, `#/sync`, `#/settings`. Hash routes work the same under the app scheme and the web host.
 *
 * @example
 * parseRoute('#/read/d_1');          // → { page: 'reader', id: 'd_1', query: URLSearchParams }
 * navigate({ page: 'search', q: '基层减负' });
 */
import { useEffect, useState } from 'react';

export type Page = 'library' | 'reader' | 'search' | 'highlights' | 'review' | 'topics' | 'sync' | 'settings';
export const pages: Page[] = ['library', 'reader', 'search', 'highlights', 'review', 'topics', 'sync', 'settings'];

export interface Route {
  page: Page;
  id?: string;
  query: URLSearchParams;
}

const pathOf: Record<Page, string> = {
  library: 'library',
  reader: 'read',
  search: 'search',
  highlights: 'highlights',
  review: 'review',
  topics: 'topics',
  sync: 'sync',
  settings: 'settings',
};

export function parseRoute(hash: string): Route {
  const [path = '', qs = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [head, id] = path.split('/');
  const page = (Object.keys(pathOf) as Page[]).find((p) => pathOf[p] === head) ?? 'library';
  return { page, id: id ? decodeURIComponent(id) : undefined, query: new URLSearchParams(qs) };
}

export function hrefOf(page: Page, options: { id?: string; q?: string; page?: number; hl?: string; reattach?: string; form?: string } = {}): string {
  const id = options.id ? `/${encodeURIComponent(options.id)}` : '';
  const params = new URLSearchParams();
  if (options.q) params.set('q', options.q);
  if (options.page) params.set('page', String(options.page));
  if (options.hl) params.set('hl', options.hl);
  if (options.reattach) params.set('reattach', options.reattach);
  if (options.form) params.set('form', options.form);
  const qs = params.toString();
  return `#/${pathOf[page]}${id}${qs ? `?${qs}` : ''}`;
}

/**
 * Where each page was last left (its whole address: the document open in 阅读, the query of 搜索),
 * for the tab's session: going back to a page by the sidebar or a shortcut returns there.
 */
const LAST_KEY = 'yandu.lastRoutes';
const lastRoutes = (): Partial<Record<Page, string>> => {
  try {
    return JSON.parse(sessionStorage.getItem(LAST_KEY) ?? '{}') as Partial<Record<Page, string>>;
  } catch {
    return {};
  }
};

function remember(hash: string): void {
  const { page } = parseRoute(hash);
  sessionStorage.setItem(LAST_KEY, JSON.stringify({ ...lastRoutes(), [page]: hash || hrefOf(page) }));
}

/** The address a page was last left at, else its plain one. */
export function lastHrefOf(page: Page): string {
  const last = lastRoutes()[page];
  return last && parseRoute(last).page === page ? last : hrefOf(page);
}

/** Goes to a page: where it was last left, unless an id or query is given. */
export function navigate(page: Page, options: { id?: string; q?: string; replace?: boolean } = {}): void {
  const href = options.id || options.q ? hrefOf(page, options) : lastHrefOf(page);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.location.hash = href;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    remember(window.location.hash);
    const update = (): void => {
      remember(window.location.hash);
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
