/** Adding a source: a folder (typed, or chosen in the app's folder picker), a feed URL, or a manifest URL with its token. */
import { useState, type FormEvent } from 'react';
import { useClient } from '../../app/context';
import { useT } from '../../i18n';
import { errorText } from '../../api/error-text';
import { FolderPicker } from '../../components/FolderPicker';

type Kind = 'folder' | 'feed' | 'manifest';

export function AddSourceForm({ onError }: { onError: (message: string) => void }) {
  const { t, lang } = useT();
  const client = useClient();
  const [kind, setKind] = useState<Kind>('folder');
  const [target, setTarget] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!target.trim()) return;
    setBusy(true);
    const named = name.trim() ? { name: name.trim() } : {};
    try {
      if (kind === 'folder') await client.addSource({ kind, path: target.trim(), ...named });
      else if (kind === 'feed') await client.addSource({ kind, url: target.trim(), ...named });
      else await client.addSource({ kind, url: target.trim(), ...named, ...(token.trim() ? { token: token.trim() } : {}) });
      setTarget('');
      setToken('');
      setName('');
    } catch (e) {
      onError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-source" onSubmit={(e) => void submit(e)} data-testid="add-source">
      <h2>{t('sync.add')}</h2>
      <div className="segmented" role="radiogroup">
        {(['folder', 'feed', 'manifest'] as const).map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
            {t(`sync.kind.${k}`)}
          </button>
        ))}
      </div>
      <div className="add-source-target">
        <input
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder={kind === 'folder' ? t('sync.field.path') : t('sync.field.url')}
          aria-label={kind === 'folder' ? t('sync.field.path') : t('sync.field.url')}
          data-testid="add-source-target"
        />
        {kind === 'folder' && (
          <button type="button" onClick={() => setPicking(true)} data-testid="add-source-browse">
            {t('folders.browse')}
          </button>
        )}
      </div>
      {picking && (
        <FolderPicker
          {...(target.trim() ? { start: target.trim() } : {})}
          onPick={(path) => {
            setTarget(path);
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      )}
      {kind === 'manifest' && (
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} placeholder={t('sync.field.token')} aria-label={t('sync.field.token')} />
      )}
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('sync.field.name')} aria-label={t('sync.field.name')} />
      <button type="submit" className="primary" disabled={busy || !target.trim()}>{t('sync.add.run')}</button>
    </form>
  );
}
