/**
 * The window: a sidebar of the eight pages, the current page, a toast. Ctrl/Cmd+K jumps to search
 * from anywhere; Alt+1…8 switch pages, Ctrl/Cmd+, opens 设置; "?" shows every shortcut
 * (ShortcutSheet), as does the desktop menu (its commands arrive as `app.command` events). Files and folders dropped anywhere on the window are
 * imported, with progress in a corner.
 */
import { useCallback, useEffect, useState } from 'react';
import { Icon } from '../components/Icon';
import { ShortcutSheet } from '../components/ShortcutSheet';
import { Toast, type ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { LibraryPage } from '../pages/LibraryPage';
import { HighlightsPage } from '../pages/HighlightsPage';
import { ReviewPage } from '../pages/ReviewPage';
import { TopicsPage } from '../pages/TopicsPage';
import { ReaderPage } from '../pages/ReaderPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SyncPage } from '../pages/sync/SyncPage';
import { DropZone } from './import/DropZone';
import { ImportProgressPanel } from './import/ImportProgressPanel';
import { useImporter } from './import/useImporter';
import { hrefOf, lastHrefOf, navigate, pages, useRoute } from './router';
import { useClient } from './context';
import { applyTheme, loadTheme, nextTheme, saveTheme, type ThemeChoice } from './theme';


export function App() {
  const { t, lang, setLang } = useT();
  const route = useRoute();
  const [toast, setToast] = useState<ToastMessage>();
  const [focusSearch, setFocusSearch] = useState(0);
  const [sheet, setSheet] = useState(false);
  const [theme, setTheme] = useState(loadTheme);
  const chooseTheme = (choice: ThemeChoice): void => {
    applyTheme(saveTheme(choice));
    setTheme(choice);
  };
  const switchTheme = (): void => chooseTheme(nextTheme(theme));
  const client = useClient();
  useEffect(
    () =>
      client.subscribe((e) => {
        if (e.type !== 'app.command') return;
        if (e.command === 'shortcuts') setSheet(true);
        else navigate('settings');
      }),
    [client],
  );
  const closeToast = useCallback(() => setToast(undefined), []);
  const { progress, importFiles } = useImporter(setToast);
  const onDrop = useCallback(
    (files: Parameters<typeof importFiles>[0]) => {
      navigate('library');
      void importFiles(files);
    },
    [importFiles],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (route.page !== 'search') navigate('search');
        setFocusSearch((n) => n + 1);
      } else if (e.key === '?' && !(e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setSheet(true);
      } else if ((e.ctrlKey || e.metaKey) && e.key === ',') {
        e.preventDefault();
        navigate('settings');
      } else if (e.altKey && /^[1-8]$/.test(e.key)) {
        e.preventDefault();
        navigate(pages[Number(e.key) - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.page]);

  useEffect(() => {
    document.title = `${t('appName')} · ${t(`nav.${route.page}` as MessageKey)}`;
  }, [route.page, t]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="main">
        <div className="brand">
          <span className="brand-mark">研</span>
          <div>
            <div className="brand-name">{t('appName')}</div>
            <div className="brand-tag">{t('tagline')}</div>
          </div>
        </div>
        <ul>
          {pages.map((page, i) => (
            <li key={page}>
              <a href={route.page === page ? window.location.hash || hrefOf(page) : lastHrefOf(page)} className={route.page === page ? 'active' : ''} data-testid={`nav-${page}`} title={`Alt+${i + 1}`}>
                <Icon name={page} /> {t(`nav.${page}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
        <button type="button" className="ghost lang" onClick={switchTheme} data-testid="theme-switch" title={t('theme.hint')}>
          {t(`theme.${theme}`)}
        </button>
        <button type="button" className="ghost lang" onClick={() => setSheet(true)} title="?" data-testid="open-shortcuts">
          {t('nav.shortcuts')} <kbd>?</kbd>
        </button>
        <button type="button" className="ghost lang" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('lang.switch')}
        </button>
      </nav>
      <main className="content">
        {route.page === 'library' && <LibraryPage toast={setToast} importFiles={importFiles} />}
        {route.page === 'reader' && (
          <ReaderPage
            id={route.id}
            query={route.query.get('q') ?? ''}
            page={Number(route.query.get('page')) || undefined}
            focusHighlight={route.query.get('hl') ?? undefined}
            reattach={route.query.get('reattach') ?? undefined}
            form={route.query.get('form') ?? undefined}
            toast={setToast}
          />
        )}
        {route.page === 'search' && <SearchPage initialQuery={route.query.get('q') ?? ''} focusSignal={focusSearch} />}
        {route.page === 'highlights' && <HighlightsPage toast={setToast} />}
        {route.page === 'review' && <ReviewPage toast={setToast} />}
        {route.page === 'topics' && <TopicsPage toast={setToast} />}
        {route.page === 'sync' && <SyncPage toast={setToast} />}
        {route.page === 'settings' && <SettingsPage toast={setToast} theme={theme} onTheme={chooseTheme} />}
      </main>
      <DropZone onDrop={onDrop} />
      <ImportProgressPanel progress={progress} />
      <Toast message={toast} onClose={closeToast} />
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  );
}
