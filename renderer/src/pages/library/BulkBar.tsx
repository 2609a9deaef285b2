/**
 * What can be done to the selected documents at once: confirm their 推荐 topics, add or remove a
 * topic, delete (one in-app confirmation when highlights go with them; undone from the toast),
 * select everything the filter shows, or clear the selection.
 *
 * @example
 * <BulkBar ids={[...selection.ids]} listed={shown.length} onSelectAll={all} onClear={clear} toast={toast} />
 */
import { useEffect, useState } from 'react';
import type { TopicSummary } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { ToastMessage } from '../../components/Toast';
import { useT } from '../../i18n';
import { useAction } from '../../app/useAction';

export function BulkBar({ ids, listed, onSelectAll, onClear, toast }: { ids: string[]; listed: number; onSelectAll(): void; onClear(): void; toast(m: ToastMessage): void }) {
  const { run } = useAction(toast);
  const { t } = useT();
  const client = useClient();
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ highlights: number }>();
  useEffect(() => void client.listTopics({}).then(setTopics, () => undefined), [client]);

  const act = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    await run(async () => {
      toast({ text: await work() });
    });
    setBusy(false);
  };
  const tag = (args: { add?: string[]; remove?: string[]; confirm?: boolean }, done: (n: number) => string) => act(async () => done((await client.tagDocuments({ ids, ...args })).changed));
  const remove = async (): Promise<void> => {
    setAsking(undefined);
    const chosen = [...ids];
    setBusy(true);
    await run(async () => {
      const r = await client.removeDocuments({ ids: chosen });
      onClear();
      toast({ text: t('library.bulkDeleted', { n: r.removed }), action: { label: t('library.undo'), run: () => void client.restoreDocuments({ ids: chosen }) } });
    });
    setBusy(false);
  };
  const askRemove = async (): Promise<void> => {
    const chosen = new Set(ids);
    const highlights = (await client.listHighlights({})).filter((h) => chosen.has(h.docId)).length;
    if (highlights) setAsking({ highlights });
    else await remove();
  };
  const options = topics.map((x) => <option key={x.path} value={x.path}>{'　'.repeat(x.depth)}{x.name}</option>);

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('library.selected', { n: ids.length })} data-testid="bulk-bar" aria-busy={busy}>
      <strong data-testid="bulk-count">{t('library.selected', { n: ids.length })}</strong>
      {listed > ids.length && <button type="button" className="ghost" onClick={onSelectAll} data-testid="bulk-select-all">{t('library.selectAll', { n: listed })}</button>}
      <span className="spacer" />
      <button type="button" disabled={busy} onClick={() => void tag({ confirm: true }, (n) => t('library.bulkConfirmed', { n }))} data-testid="bulk-confirm">{t('library.bulkConfirm')}</button>
      <select value="" disabled={busy} aria-label={t('library.bulkAdd')} onChange={(e) => e.target.value && void tag({ add: [e.target.value] }, (n) => t('library.bulkTagged', { n }))} data-testid="bulk-add">
        <option value="">{t('library.bulkAdd')}</option>
        {options}
      </select>
      <select value="" disabled={busy} aria-label={t('library.bulkRemoveTopic')} onChange={(e) => e.target.value && void tag({ remove: [e.target.value] }, (n) => t('library.bulkTagged', { n }))} data-testid="bulk-untag">
        <option value="">{t('library.bulkRemoveTopic')}</option>
        {options}
      </select>
      <button type="button" className="danger" disabled={busy} onClick={() => void askRemove()} data-testid="bulk-delete">{t('library.bulkDelete')}</button>
      <button type="button" className="ghost" onClick={onClear} title="Esc">{t('library.clearSelection')}</button>
      {asking && <ConfirmDialog text={t('library.bulkDeleteConfirm', { n: ids.length, h: asking.highlights })} confirmLabel={t('library.bulkDelete')} danger onConfirm={() => void remove()} onCancel={() => setAsking(undefined)} />}
    </div>
  );
}
