/** A toast at the bottom with an optional action (undo); disappears after a few seconds. */
import { useEffect } from 'react';

export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void };
}

export function Toast({ message, onClose }: { message: ToastMessage | undefined; onClose: () => void }) {
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onClose, 8000);
    return () => window.clearTimeout(timer);
  }, [message, onClose]);
  if (!message) return null;
  return (
    <div className="toast" role="status">
      <span>{message.text}</span>
      {message.action && (
        <button
          type="button"
          onClick={() => {
            message.action?.run();
            onClose();
          }}
        >
          {message.action.label}
        </button>
      )}
    </div>
  );
}
