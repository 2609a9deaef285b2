/**
 * Asking before something is deleted, in the app's own dialog (never the browser's `confirm()`,
 * which blocks the page and looks foreign): `await confirm(text)` resolves true or false,
 * `await prompt(text, value)` the line typed (or undefined), and the page renders `dialog` where
 * it wants it.
 *
 * @example
 * const { confirm, dialog } = useConfirm();
 * if (!(await confirm({ text: '删除这篇资料？', confirmLabel: '删除', danger: true }))) return;
 * return <>{…}{dialog}</>;
 */
import { useCallback, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

interface Question {
  text: string;
  confirmLabel?: string;
  danger?: boolean;
}

export function useConfirm(): { confirm: (question: Question) => Promise<boolean>; prompt: (question: Question, value?: string) => Promise<string | undefined>; dialog: ReactNode } {
  const [asking, setAsking] = useState<Question & { input?: string; answer(value: string | undefined): void }>();
  const ask = useCallback(
    (question: Question, input?: string) =>
      new Promise<string | undefined>((resolve) =>
        setAsking({
          ...question,
          ...(input !== undefined ? { input } : {}),
          answer: (value) => {
            setAsking(undefined);
            resolve(value);
          },
        }),
      ),
    [],
  );
  const confirm = useCallback(async (question: Question) => (await ask(question)) !== undefined, [ask]);
  const prompt = useCallback((question: Question, value = '') => ask(question, value), [ask]);
  const dialog = asking ? (
    <ConfirmDialog
      text={asking.text}
      {...(asking.confirmLabel ? { confirmLabel: asking.confirmLabel } : {})}
      {...(asking.danger ? { danger: true } : {})}
      {...(asking.input !== undefined ? { input: asking.input } : {})}
      onConfirm={(value) => asking.answer(value)}
      onCancel={() => asking.answer(undefined)}
    />
  ) : null;
  return { confirm, prompt, dialog };
}
