/**
 * The sync state of the window: the sources (kept live), the running sync's progress, and the
 * last report. Progress comes from core's events, so a sync started elsewhere (the watcher, the
 * CLI) shows too.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ImportReport, SourceSummary } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import { useT } from '../../i18n';
import { errorText } from '../../api/error-text';

export interface Progress {
  done: number;
  total: number;
  current?: string;
  bytes?: { received: number; total?: number };
}

export function useSync() {
  const client = useClient();
  const { lang } = useT();
  const [sources, setSources] = useState<SourceSummary[]>();
  const [progress, setProgress] = useState<Progress>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    client.listSources({}).then(setSources, (e: unknown) => setError(errorText(e, lang)));
  }, [client, lang]);

  useEffect(() => {
    reload();
    return client.subscribe((event) => {
      if (event.type === 'sources.changed') reload();
      else if (event.type === 'sync.progress') setProgress(event.done >= event.total && !event.bytes ? undefined : event);
      else if (event.type === 'sync.finished') {
        setProgress(undefined);
        setReport(event.report);
        reload();
      }
    });
  }, [client, reload]);

  const run = useCallback(
    async (sourceId?: string) => {
      setError(undefined);
      setReport(undefined);
      setProgress({ done: 0, total: 0 });
      try {
        setReport(await client.sync(sourceId ? { sourceId } : {}));
      } catch (e) {
        setError(errorText(e, lang));
      } finally {
        setProgress(undefined);
      }
    },
    [client, lang],
  );

  return { sources, progress, report, error, setError, run, cancel: () => client.cancelSync({}), reload };
}
