/**
 * 专题: the exam topics as a tree, each with a coverage bar of its confirmed documents, its
 * documents with a 推荐 tag only (applied on import, not yet confirmed: dashed) and its
 * highlights (sub-topics included), so the map reflects the library from the first import;
 * topics with little material stand out. A switch turns automatic 推荐 tags on import off.
 * Choosing a topic shows what it holds — its description and 提法, its documents (推荐 ones
 * confirmable in one go) and highlights — and lets the user rename it, add a sub-topic, merge it
 * into another (every tag moves) or delete it (after saying what is tagged).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TopicSummary } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { useLibrary } from '../app/useLibrary';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import { useHighlights } from './reader/useHighlights';
import { isSubject, underTopic as under } from '../../../electron/shared/topic-path';
import { useAction } from '../app/useAction';
import { useConfirm } from '../components/useConfirm';

/** Fewer documents than this and a theme is flagged as thin. */
const THIN = 2;

export function TopicsPage({ toast }: { toast: (m: ToastMessage) => void }) {
  const { run } = useAction(toast);
  const { confirm, prompt, dialog } = useConfirm();
  const { t } = useT();
  const client = useClient();
  const [topics, setTopics] = useState<TopicSummary[]>();
  const [chosen, setChosen] = useState<string>();
  const { docs } = useLibrary();
  const highlights = useHighlights(undefined, true);
  const reload = useCallback(() => void client.listTopics({}).then(setTopics), [client]);
  const [auto, setAuto] = useState<boolean>();
  useEffect(() => void client.getPreferences({}).then((p) => setAuto(p.autoTopics), () => undefined), [client]);
  useEffect(() => {
    reload();
    return client.subscribe((e) => {
      if (e.type === 'topics.changed' || e.type === 'library.changed' || e.type === 'highlights.changed') reload();
    });
  }, [client, reload]);

  // Bars are scaled within their kind: 科目 (every commentary serves 申论) would otherwise dwarf every theme's.
  const max = useMemo(() => {
    const most = (list: TopicSummary[]): number => Math.max(1, ...list.map((x) => Math.max(x.documents + x.recommended, x.highlights)));
    return { subject: most((topics ?? []).filter((x) => isSubject(x.path))), theme: most((topics ?? []).filter((x) => !isSubject(x.path))) };
  }, [topics]);
  const scale = (x: TopicSummary, n: number): string => `${(n / (isSubject(x.path) ? max.subject : max.theme)) * 100}%`;
  const topic = topics?.find((x) => x.path === chosen);
  const act = async (work: () => Promise<unknown>, done?: string): Promise<void> => {
    await run(async () => {
      await work();
      if (done) toast({ text: done });
      reload();
    });
  };

  const addTopic = async (parent?: string): Promise<void> => {
    const name = await prompt({ text: parent ? t('topics.addUnder', { parent }) : t('topics.addRoot') });
    if (name?.trim()) void act(() => client.addTopic({ ...(parent ? { parent } : {}), name: name.trim() }));
  };
  const rename = async (x: TopicSummary): Promise<void> => {
    const name = await prompt({ text: t('topics.renameTo') }, x.name);
    if (name?.trim() && name.trim() !== x.name) void act(async () => setChosen((await client.renameTopic({ path: x.path, name: name.trim() })).path));
  };
  const merge = async (x: TopicSummary, into: string): Promise<void> => {
    if (await confirm({ text: t('topics.mergeConfirm', { from: x.path, into, docs: x.documents, highlights: x.highlights }) }))
      void act(async () => {
        const r = await client.mergeTopic({ from: x.path, into });
        setChosen(into);
        toast({ text: t('topics.merged', { docs: r.documents, highlights: r.highlights }) });
      });
  };
  const remove = async (x: TopicSummary): Promise<void> => {
    if (await confirm({ text: t('topics.deleteConfirm', { path: x.path, docs: x.documents, highlights: x.highlights }), confirmLabel: t('topics.delete'), danger: true }))
      void act(async () => {
        await client.deleteTopic({ path: x.path });
        setChosen(undefined);
      }, t('topics.deleted', { path: x.path }));
  };

  if (!topics) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;
  const tagged = (docs ?? []).filter((d) => topic && d.topics.some((p) => under(p, topic.path)));
  const suggested = (docs ?? []).filter((d) => topic && !d.topics.some((p) => under(p, topic.path)) && d.recommendedTopics?.some((p) => under(p, topic.path)));
  const thinOf = (x: TopicSummary): boolean => !x.path.startsWith('科目') && x.documents + x.recommended < THIN;
  const marked = highlights.filter((h) => topic && h.topics.some((p) => under(p, topic.path)));
  return (
    <section className="page topics-page">
      <header className="page-head">
        <h1>{t('nav.topics')}</h1>
        <span className="muted">{t('topics.summary', { n: topics.length, thin: topics.filter((x) => x.depth > 0 && thinOf(x)).length })}</span>
        <span className="spacer" />
        {auto !== undefined && (
          <label className="switch" data-testid="auto-topics">
            <input type="checkbox" checked={auto} onChange={(e) => {
                const on = e.target.checked;
                setAuto(on);
                void act(async () => setAuto((await client.setPreferences({ autoTopics: on })).autoTopics));
              }} />
            {t('topics.autoOn')}
          </label>
        )}
        <button type="button" onClick={() => void addTopic()}>{t('topics.addRoot')}</button>
      </header>
      <p className="muted small">{t('topics.hint')} {t('topics.legend')}</p>
      <div className="topics-layout">
        <ul className="coverage" data-testid="coverage">
          {topics.map((x) => {
            const thin = thinOf(x);
            return (
              <li key={x.path} className={`${thin ? 'thin' : ''}${x.path === chosen ? ' chosen' : ''}`} style={{ paddingLeft: 8 + x.depth * 16 }} data-testid="topic-row">
                <button type="button" onClick={() => setChosen(x.path)} title={x.description}>
                  <span className="topic-name">{x.name}</span>
                  <span className="bars" aria-hidden>
                    <span className="bar-docs" style={{ width: scale(x, x.documents) }} />
                    <span className="bar-rec" style={{ left: scale(x, x.documents), width: scale(x, x.recommended) }} />
                    <span className="bar-hl" style={{ width: scale(x, x.highlights) }} />
                  </span>
                  <span className="nums" data-testid="topic-counts">{x.recommended ? t('topics.countsBoth', { docs: x.documents, rec: x.recommended, highlights: x.highlights }) : t('topics.counts', { docs: x.documents, highlights: x.highlights })}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <aside className="topic-detail" data-testid="topic-detail">
          {topic ? (
            <>
              <h2>{topic.path.replaceAll('/', ' › ')}</h2>
              {topic.description && <p>{topic.description}</p>}
              {topic.phrases.length > 0 && <p className="muted small">{t('topics.phrases')}：{topic.phrases.join('、')}</p>}
              <div className="topic-actions">
                <button type="button" onClick={() => void addTopic(topic.path)}>{t('topics.addSub')}</button>
                <button type="button" onClick={() => void rename(topic)}>{t('topics.rename')}</button>
                {topic.phrases.length > 0 && (
                  <button type="button" onClick={() => void run(async () => toast({ text: t('review.topicCards.done', { n: (await client.addTopicCards({ topic: topic.path })).added }) }))} data-testid="topic-review-cards">
                    {t('review.topicCards')}
                  </button>
                )}
                <select value="" onChange={(e) => void (e.target.value && merge(topic, e.target.value))} aria-label={t('topics.mergeInto')}>
                  <option value="">{t('topics.mergeInto')}</option>
                  {topics.filter((o) => !under(o.path, topic.path) && !under(topic.path, o.path)).map((o) => <option key={o.path} value={o.path}>{o.path.replaceAll('/', ' › ')}</option>)}
                </select>
                <select value="" onChange={(e) => e.target.value && void act(async () => setChosen((await client.moveTopic({ path: topic.path, ...(e.target.value === '/' ? {} : { parent: e.target.value }) })).path))} aria-label={t('topics.moveTo')}>
                  <option value="">{t('topics.moveTo')}</option>
                  {topic.depth > 0 && <option value="/">{t('topics.toRoot')}</option>}
                  {topics.filter((o) => !under(o.path, topic.path) && o.path !== topic.path.split('/').slice(0, -1).join('/')).map((o) => <option key={o.path} value={o.path}>{o.path.replaceAll('/', ' › ')}</option>)}
                </select>
                <button type="button" className="ghost danger" onClick={() => void remove(topic)}>{t('topics.delete')}</button>
              </div>
              <h3>{t('topics.documents', { n: tagged.length })}</h3>
              {tagged.length ? (
                <ul className="plain">{tagged.map((d) => <li key={d.id}><a href={hrefOf('reader', { id: d.id })}>{d.title}</a> <span className="muted small">{d.site ?? ''}</span></li>)}</ul>
              ) : (
                <p className="muted small" data-testid="topic-no-documents">{suggested.length ? t('topics.noConfirmed', { n: suggested.length }) : t('topics.noDocuments')}</p>
              )}
              {suggested.length > 0 && (
                <>
                  <h3>
                    {t('topics.recommendedDocs', { n: suggested.length })}{' '}
                    <button type="button" className="small" onClick={() => void act(() => client.tagDocuments({ ids: suggested.map((d) => d.id), confirm: true, under: topic.path }))} data-testid="topic-confirm-all">{t('topics.confirmAll')}</button>
                  </h3>
                  <ul className="plain" data-testid="topic-recommended-docs">{suggested.map((d) => <li key={d.id}><a href={hrefOf('reader', { id: d.id })}>{d.title}</a> <span className="topic-chip recommended small">{t('topics.recommended')}</span></li>)}</ul>
                </>
              )}
              <h3>{t('topics.highlights', { n: marked.length })}</h3>
              {marked.length === 0 && <p className="muted small">{t('topics.noHighlights')}</p>}
              <ul className="plain">{marked.map((h) => <li key={h.id}><a href={hrefOf('reader', { id: h.docId, hl: h.id, ...(h.form ? { form: h.form } : {}) })}>{h.target.selector[0].exact}</a>{h.note ? <span className="muted small"> — {h.note}</span> : null}</li>)}</ul>
            </>
          ) : (
            <p className="muted">{t('topics.choosePrompt')}</p>
          )}
        </aside>
      </div>
      {dialog}
    </section>
  );
}
