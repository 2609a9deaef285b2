/**
 * A document's highlights (or all of them), kept live: reloaded whenever core says highlights
 * changed, from this window or any other.
 *
 * @example
 * const highlights = useHighlights(docId);
 */
import { useCallback, useEffect, useState } from 'react';
import type { Highlight } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';

export function useHighlights(docId: string | undefined, all = false): Highlight[] {
  const client = useClient();
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const reload = useCallback(() => {
    if (!docId && !all) return setHighlights([]);
    client.listHighlights(all ? {} : { docId: docId! }).then(setHighlights, () => undefined);
  }, [client, docId, all]);
  useEffect(() => {
    reload();
    return client.subscribe((event) => {
      if ((event.type === 'highlights.changed' && (all || event.docIds.includes(docId ?? ''))) || (all && event.type === 'library.changed')) reload();
    });
  }, [client, reload, docId, all]);
  return highlights;
}
