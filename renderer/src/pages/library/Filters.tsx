/**
 * The library's filter and sort bar: words in the title, kind, site, topic, source, and the sort
 * order with its direction.
 *
 * @example
 * <Filters view={view} onChange={setView} sites={sites} topics={topics} sources={sources} />
 */
import type { DocumentKind, SourceSummary } from '../../../../electron/shared/types';
import { useT } from '../../i18n';
import type { LibraryView, SortKey } from './view';

const KINDS: DocumentKind[] = ['article', 'pdf', 'docx', 'text'];
const SORTS: SortKey[] = ['added', 'published', 'title', 'progress'];

export function Filters({ view, onChange, sites, topics, sources }: { view: LibraryView; onChange(v: LibraryView): void; sites: string[]; topics: string[]; sources: SourceSummary[] }) {
  const { t } = useT();
  const set = (patch: Partial<LibraryView>): void => {
    const next = { ...view, ...patch };
    for (const key of Object.keys(patch) as (keyof LibraryView)[]) if (next[key] === '' || next[key] === undefined) delete next[key];
    onChange(next);
  };
  return (
    <div className="filters library-filters" data-testid="library-filters">
      <input className="filter-text" value={view.text ?? ''} onChange={(e) => set({ text: e.target.value })} placeholder={t('library.filter.text')} aria-label={t('library.filter.text')} data-testid="filter-text" />
      <select value={view.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as DocumentKind | undefined })} aria-label={t('library.col.kind')} data-testid="filter-kind">
        <option value="">{t('library.filter.allKinds')}</option>
        {KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
      </select>
      <select value={view.site ?? ''} onChange={(e) => set({ site: e.target.value || undefined })} aria-label={t('library.col.site')} data-testid="filter-site">
        <option value="">{t('library.filter.allSites')}</option>
        {sites.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <select value={view.topic ?? ''} onChange={(e) => set({ topic: e.target.value || undefined })} aria-label={t('library.col.topics')} disabled={!topics.length} data-testid="filter-topic">
        <option value="">{topics.length ? t('library.filter.allTopics') : t('library.filter.noTopics')}</option>
        {topics.map((s) => <option key={s} value={s}>{s.replaceAll('/', ' › ')}</option>)}
      </select>
      <select value={view.source ?? ''} onChange={(e) => set({ source: e.target.value || undefined })} aria-label={t('library.filter.source')} data-testid="filter-source">
        <option value="">{t('library.filter.allSources')}</option>
        <option value="manual">{t('library.filter.manual')}</option>
        {sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      <span className="spacer" />
      <label className="sort">
        {t('library.sort')}
        <select value={view.sort} onChange={(e) => set({ sort: e.target.value as SortKey })} data-testid="sort-key">
          {SORTS.map((s) => <option key={s} value={s}>{t(`library.sort.${s}`)}</option>)}
        </select>
      </label>
      <button type="button" className="icon-button" onClick={() => set({ desc: !view.desc })} title={view.desc ? t('library.sort.desc') : t('library.sort.asc')} data-testid="sort-direction">
        {view.desc ? '↓' : '↑'}
      </button>
    </div>
  );
}
