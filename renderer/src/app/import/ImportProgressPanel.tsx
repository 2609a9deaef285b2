/**
 * Progress of an import, in a corner of the window on every page: a bar, "3 / 10" and the file
 * being read.
 *
 * @example
 * <ImportProgressPanel progress={{ done: 3, total: 10, current: '整治形式主义.html' }} />
 */
import { useT } from '../../i18n';
import type { ImportProgress } from './useImporter';

export function ImportProgressPanel({ progress }: { progress?: ImportProgress }) {
  const { t } = useT();
  if (!progress) return null;
  const share = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
      <div className="import-progress-head">
        <strong>{t('import.progress.title')}</strong>
        <span className="muted">{t('import.progress.count', { done: progress.done, total: progress.total })}</span>
      </div>
      <progress max={100} value={share} />
      {progress.current && <div className="muted small ellipsis" title={progress.current}>{progress.current}</div>}
    </div>
  );
}
