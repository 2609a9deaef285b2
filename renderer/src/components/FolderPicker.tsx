/**
 * Choosing a folder inside the app, for hosts with no folder dialog (the web host: a browser
 * cannot give a folder's path): the folder's sub-folders, one click to go in, 上一级 to go up,
 * places to start from (主目录, 下载, the root), a path to type, and how many documents the folder
 * holds right there. Enter or 选择此文件夹 chooses; Escape cancels.
 *
 * @example
 * {picking && <FolderPicker start={downloadsDir} onPick={(path) => setPath(path)} onCancel={() => setPicking(false)} />}
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FolderListing } from '../../../electron/shared/types';
import { errorText } from '../api/error-text';
import { useClient } from '../app/context';
import { useT } from '../i18n';
import { Icon } from './Icon';

export function FolderPicker({ start, onPick, onCancel }: { start?: string; onPick(path: string): void; onCancel(): void }) {
  const { t, lang } = useT();
  const client = useClient();
  const [listing, setListing] = useState<FolderListing>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const list = useRef<HTMLUListElement>(null);
  /** Counts the folders asked for: only the last one asked is shown (an earlier answer may come later). */
  const asked = useRef(0);

  const open = (path?: string): void => {
    setError(undefined);
    const mine = ++asked.current;
    void client.browseFolders(path ? { path } : {}).then(
      (next) => {
        if (mine !== asked.current) return;
        setListing(next);
        setTyped(next.path);
        list.current?.scrollTo({ top: 0 });
      },
      (e: unknown) => mine === asked.current && setError(errorText(e, lang)),
    );
  };
  // Opens once, where it starts.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    open(start);
  });

  // In a portal: opened from inside a form (adding a source), it must not be part of that form.
  return createPortal(
    <div className="modal-backdrop" onClick={onCancel}>
      <div
        className="modal folder-picker"
        role="dialog"
        aria-modal="true"
        aria-label={t('folders.title')}
        data-testid="folder-picker"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          e.stopPropagation();
        }}
      >
        <h2>{t('folders.title')}</h2>
        <div className="folder-places">
          {listing?.places.map((p) => (
            <button key={p.kind} type="button" className="ghost" onClick={() => open(p.path)} title={p.path} data-testid={`folder-place-${p.kind}`}>
              {t(`folders.place.${p.kind}`)}
            </button>
          ))}
        </div>
        <div className="folder-path">
          <button type="button" disabled={!listing?.parent} onClick={() => listing?.parent && open(listing.parent)} data-testid="folder-up" title={t('folders.up')}>
            ↑ {t('folders.up')}
          </button>
          <input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              open(typed);
            }}
            aria-label={t('folders.path')}
            data-testid="folder-path"
          />
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        <ul className="folder-list" ref={list} data-testid="folder-list">
          {listing?.folders.map((f) => (
            <li key={f.path}>
              <button type="button" onClick={() => open(f.path)} data-testid="folder-entry">
                <Icon name="topics" size={16} /> {f.name}
              </button>
            </li>
          ))}
          {listing && !listing.folders.length && <li className="muted small">{t('folders.none')}</li>}
          {listing?.more ? <li className="muted small">{t('folders.more', { n: listing.more })}</li> : null}
        </ul>
        <div className="modal-actions">
          <span className="muted small" data-testid="folder-documents">{listing ? t('folders.documents', { n: listing.documents }) : ''}</span>
          <span className="spacer" />
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={!listing} onClick={() => listing && onPick(listing.path)} data-testid="folder-choose">
            {t('folders.choose')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
