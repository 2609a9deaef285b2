/**
 * 阅读: the document's text with its metadata, set for long Chinese reading. Opened from a search
 * result (`#/read/<id>?q=…&page=…`), every occurrence of the query is marked, the reader scrolls
 * to the first one on the hit's page, and the hit bar moves between them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail, TextMatch } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';
import { HitBar } from './reader/HitBar';
import { paragraphsOf, type Piece } from './reader/paragraphs';

function Paragraph({ pieces, current }: { pieces: Piece[]; current: number }) {
  return (
    <p>
      {pieces.map((piece, i) =>
        piece.mark === undefined ? (
          piece.text
        ) : (
          <mark key={i} data-mark={piece.mark} data-testid="reader-mark" className={piece.mark === current ? 'current' : undefined}>
            {piece.text}
          </mark>
        ),
      )}
    </p>
  );
}

export function ReaderPage({ id, query = '', page }: { id: string | undefined; query?: string; page?: number }) {
  const { t } = useT();
  const client = useClient();
  const [doc, setDoc] = useState<DocumentDetail>();
  const [matches, setMatches] = useState<TextMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string>();
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setDoc(undefined);
    setError(undefined);
    setMatches([]);
    if (!id) return;
    Promise.all([client.getDocument({ id }), query.trim() ? client.locate({ id, query }) : { matches: [] }]).then(([d, found]) => {
      setDoc(d);
      setMatches(found.matches);
      // Start at the hit that was clicked: the first match on its page.
      setCurrent(Math.max(0, found.matches.findIndex((m) => page === undefined || m.page === page)));
    }, (e: Error) => setError(e.message));
  }, [client, id, query, page]);

  useEffect(() => {
    body.current?.querySelector(`mark[data-mark="${current}"]`)?.scrollIntoView({ block: 'center' });
  }, [current, doc, matches]);

  const sections = useMemo(() => {
    if (!doc) return [];
    if (!doc.pages) return [{ page: undefined, paragraphs: paragraphsOf(doc.text ?? '', matches) }];
    let first = 0;
    return doc.pages.map((text, i) => {
      const here = matches.filter((m) => m.page === i + 1);
      const section = { page: i + 1, paragraphs: paragraphsOf(text, here, first) };
      first += here.length;
      return section;
    });
  }, [doc, matches]);

  if (!id) return <section className="page"><EmptyState icon="reader" title={t('reader.empty.title')} body={t('reader.empty.body')} /></section>;
  if (error)
    return (
      <section className="page">
        <EmptyState icon="warning" title={t('reader.missing')} body={error} action={<a className="button" href={hrefOf('library')}>{t('reader.back')}</a>} />
      </section>
    );
  if (!doc) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;

  const meta = [doc.site, doc.publishedAt ?? new Date(doc.addedAt).toLocaleDateString('zh-CN'), doc.author, doc.origin].filter(Boolean);
  // A note's first line is usually its title: do not print it twice (unless it holds a hit).
  const head = sections[0]?.paragraphs[0];
  if (head && head.every((p) => p.mark === undefined) && head.map((p) => p.text).join('').trim() === doc.title) sections[0]!.paragraphs.shift();
  return (
    <div className="reader-page">
      {query.trim() && <HitBar query={query.trim()} current={current} total={matches.length} go={setCurrent} />}
      <article className="reader" data-testid="reader" ref={body}>
        <header>
          {doc.category?.length ? <div className="crumbs">{doc.category.join(' › ')}</div> : null}
          <h1>{doc.title}</h1>
          {meta.length > 0 && <div className="meta">{meta.join(' · ')}</div>}
        </header>
        {sections.map((section) => (
          <section key={section.page ?? 0} data-page={section.page}>
            {section.page !== undefined && <div className="page-label">{t('reader.page', { n: section.page })}</div>}
            {section.paragraphs.map((pieces, i) => <Paragraph key={i} pieces={pieces} current={current} />)}
          </section>
        ))}
      </article>
    </div>
  );
}
