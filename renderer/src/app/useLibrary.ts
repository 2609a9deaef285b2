/**
 * The library's document list, kept live: reloads whenever core says the library changed (an
 * import from the CLI, a sync, a delete in another window).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../electron/shared/types';
import { useClient } from './context';
import { useT } from '../i18n';
import { errorText } from '../api/error-text';

export function useLibrary(): { docs: DocumentSummary[] | undefined; error: string | undefined; reload: () => void } {
  const client = useClient();
  const { lang } = useT();
  const [docs, setDocs] = useState<DocumentSummary[]>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    client.listDocuments({}).then(
      (list) => {
        setDocs(list);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [client, lang]);
  useEffect(() => {
    reload();
    return client.subscribe((event) => {
      if (event.type === 'library.changed') reload();
    });
  }, [client, reload]);
  return { docs, error, reload };
}
