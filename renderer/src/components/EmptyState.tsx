/** A centered empty state: what this page will show and what to do next. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function EmptyState({ icon, title, body, action }: { icon: IconName; title: string; body: string; action?: ReactNode }) {
  return (
    <div className="empty" data-testid="empty-state">
      <div className="empty-icon"><Icon name={icon} size={48} /></div>
      <h2>{title}</h2>
      <p>{body}</p>
      {action}
    </div>
  );
}
