/** 阅读: the document's text with its metadata, set for long Chinese reading. */
import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';

export function ReaderPage({ id }: { id: string | undefined }) {
  const { t } = useT();
  const client = useClient();
  const [doc, setDoc] = useState<DocumentDetail>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setDoc(undefined);
    setError(undefined);
    if (id) client.getDocument({ id }).then(setDoc, (e: Error) => setError(e.message));
  }, [client, id]);

  if (!id) return <section className="page"><EmptyState icon="reader" title={t('reader.empty.title')} body={t('reader.empty.body')} /></section>;
  if (error)
    return (
      <section className="page">
        <EmptyState icon="warning" title={t('reader.missing')} body={error} action={<a className="button" href={hrefOf('library')}>{t('reader.back')}</a>} />
      </section>
    );
  if (!doc) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;

  const meta = [doc.site, doc.publishedAt ?? new Date(doc.addedAt).toLocaleDateString('zh-CN'), doc.author, doc.origin].filter(Boolean);
  const paragraphs = (doc.text ?? (doc.pages ?? []).join('\n\n')).split(/\n+/).filter((p) => p.trim());
  // A note's first line is usually its title: do not print it twice.
  if (paragraphs[0]?.trim() === doc.title) paragraphs.shift();
  return (
    <article className="reader" data-testid="reader">
      <header>
        {doc.category?.length ? <div className="crumbs">{doc.category.join(' › ')}</div> : null}
        <h1>{doc.title}</h1>
        {meta.length > 0 && <div className="meta">{meta.join(' · ')}</div>}
      </header>
      {paragraphs.map((p, i) => <p key={i}>{p}</p>)}
    </article>
  );
}
