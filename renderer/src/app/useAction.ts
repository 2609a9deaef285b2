/**
 * What a click starts, run one way everywhere: `running` names the action under way at once (its
 * button is disabled: no second click starts it again), `busy` names it once it has taken
 * {@link BUSY_AFTER_MS} (quick actions do not flicker a spinner), and a failure is said in a
 * toast in the UI's language (`errorText`), never as a raw message — so no page writes its own
 * try/catch.
 *
 * @example
 * const { run, running, busy } = useAction(toast);
 * <button disabled={running === 'sample'} onClick={() => run(() => client.addSample({}), 'sample')}>{busy === 'sample' ? '载入中…' : '示例'}</button>
 */
import { useCallback, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';

export const BUSY_AFTER_MS = 300;

export function useAction(toast: (message: ToastMessage) => void): {
  run: <T>(action: () => Promise<T>, name?: string) => Promise<T | undefined>;
  running: string | undefined;
  busy: string | undefined;
} {
  const { lang } = useT();
  const [running, setRunning] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const latest = useRef(0);
  const run = useCallback(
    async <T,>(action: () => Promise<T>, name = 'action'): Promise<T | undefined> => {
      const mine = ++latest.current;
      setRunning(name);
      const timer = window.setTimeout(() => mine === latest.current && setBusy(name), BUSY_AFTER_MS);
      try {
        return await action();
      } catch (error) {
        toast({ text: errorText(error, lang) });
        return undefined;
      } finally {
        window.clearTimeout(timer);
        if (mine === latest.current) {
          setRunning(undefined);
          setBusy(undefined);
        }
      }
    },
    [toast, lang],
  );
  return { run, running, busy };
}
