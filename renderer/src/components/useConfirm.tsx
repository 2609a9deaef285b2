/**
 * Asking before something is deleted, in the app's own dialog (never the browser's `confirm()`,
 * which blocks the page and looks foreign): `await confirm(text)` resolves true or false, and the
 * page renders `dialog` where it wants it.
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

export function useConfirm(): { confirm: (question: Question) => Promise<boolean>; dialog: ReactNode } {
  const [asking, setAsking] = useState<Question & { answer(yes: boolean): void }>();
  const confirm = useCallback(
    (question: Question) =>
      new Promise<boolean>((resolve) =>
        setAsking({
          ...question,
          answer: (yes) => {
            setAsking(undefined);
            resolve(yes);
          },
        }),
      ),
    [],
  );
  const dialog = asking ? (
    <ConfirmDialog text={asking.text} {...(asking.confirmLabel ? { confirmLabel: asking.confirmLabel } : {})} {...(asking.danger ? { danger: true } : {})} onConfirm={() => asking.answer(true)} onCancel={() => asking.answer(false)} />
  ) : null;
  return { confirm, dialog };
}
