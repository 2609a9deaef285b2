/**
 * Imports what the user drops on the window or picks, with progress. In the desktop app files
 * are imported in place by path (core reports progress as it goes); in a browser each file is
 * sent by content, one at a time, and progress counts the files sent. The outcome is toasted.
 *
 * @example
 * const { progress, importFiles } = useImporter(toast);
 * await importFiles(await droppedFiles(event.dataTransfer));
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_UPLOAD_BYTES } from './limits';
import type { ImportReport } from '../../../../electron/shared/types';
import { failureOf } from '../../../../electron/shared/errors';
import type { ToastMessage } from '../../components/Toast';
import { failureText } from '../../api/error-text';
import { useT } from '../../i18n';
import { useClient } from '../context';
import { base64Of, type Picked } from './dropped';

export interface ImportProgress {
  done: number;
  total: number;
  current?: string;
}

const emptyReport = (): ImportReport => ({ added: [], updated: [], unchanged: [], failed: [] });

export function useImporter(toast: (m: ToastMessage) => void): { progress?: ImportProgress; importFiles(files: Picked[]): Promise<void>; importPaths(paths: string[]): Promise<void> } {
  const { t, lang } = useT();
  const client = useClient();
  const [progress, setProgress] = useState<ImportProgress>();
  const byPath = useRef(false);

  // Core's progress while it imports paths.
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'sync.progress' && byPath.current && !event.sourceId) setProgress({ done: event.done, total: event.total, current: event.current?.split(/[\\/]/).pop() });
      }),
    [client],
  );

  const report = useCallback(
    (r: ImportReport) =>
      toast({
        text:
          t('library.import.done', { added: r.added.length, updated: r.updated.length, unchanged: r.unchanged.length, failed: r.failed.length }) +
          (r.failed.length ? ` — ${r.failed[0]!.path}: ${failureText(r.failed[0]!, lang)}` : ''),
      }),
    [t, toast],
  );

  const importPaths = useCallback(
    async (paths: string[]) => {
      byPath.current = true;
      setProgress({ done: 0, total: paths.length });
      try {
        report(await client.addPaths({ paths }));
      } catch (e) {
        toast({ text: (e as Error).message });
      } finally {
        byPath.current = false;
        setProgress(undefined);
      }
    },
    [client, report, toast],
  );

  const importFiles = useCallback(
    async (files: Picked[]) => {
      if (!files.length) return;
      const paths = files.map((f) => client.pathOf(f.file));
      if (paths.every(Boolean)) return importPaths(paths as string[]);
      const total = emptyReport();
      for (const [i, { file, name }] of files.entries()) {
        setProgress({ done: i, total: files.length, current: name });
        try {
          if (file.size > MAX_UPLOAD_BYTES) throw new Error(t('library.import.tooLarge', { mb: Math.round(MAX_UPLOAD_BYTES / 2 ** 20) }));
          const r = await client.addFiles({ files: [{ name, data: await base64Of(file) }] });
          for (const key of ['added', 'updated', 'unchanged', 'failed'] as const) total[key].push(...(r[key] as never[]));
        } catch (e) {
          total.failed.push(failureOf(name, e));
        }
      }
      setProgress(undefined);
      report(total);
    },
    [client, importPaths, report, t],
  );

  return { progress, importFiles, importPaths };
}
