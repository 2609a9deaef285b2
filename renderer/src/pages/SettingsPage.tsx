/**
 * 设置: everything the user can set, in one place — the app's theme and language, the reader's
 * typography, automatic topics on import, where the library is, the watched folders (with the
 * download folder offered), and the limits Yandu keeps to. Each change applies at once; what is
 * kept in the browser (theme, language, reader) stays with this device, what core keeps (topics,
 * folders) with the library.
 *
 * @example
 * <SettingsPage toast={setToast} theme={theme} onTheme={chooseTheme} />
 */
import { useEffect, useState } from 'react';
import { dayOf } from '../../../electron/shared/day';
import type { LibraryInfo, Preferences, SourceSummary } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import type { ThemeChoice } from '../app/theme';
import { useAction } from '../app/useAction';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import { saveFile } from './highlights/save-file';
import { OcrSettings } from './settings/OcrSettings';
import { LINE_HEIGHTS, readerSettings, saveReaderSettings, SIZES, type ReaderSettings } from './reader/settings';

/** The retentions FSRS may aim at (Anki's range). */
const RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];

/** 考试日期: exams ahead by topic; 今日回顾 favours their highlights as the day nears. A past date is not taken, and an exam that has passed says so. */
function ExamDates({ exams, topics, onChange }: { exams: { topic: string; date: string }[]; topics: string[]; onChange(exams: { topic: string; date: string }[]): void }) {
  const { t } = useT();
  const [topic, setTopic] = useState('');
  const [date, setDate] = useState('');
  const today = dayOf(Date.now());
  const past = /^\d{4}-\d{2}-\d{2}$/.test(date) && date < today;
  return (
    <div className="setting exam-dates" data-testid="settings-exams">
      <span className="setting-name">{t('settings.review.exams')}</span>
      <ul>
        {exams.map((e) => (
          <li key={`${e.topic}${e.date}`}>
            {e.topic.replaceAll('/', ' › ')} · {e.date}
            {e.date < today && <span className="muted" data-testid="settings-exam-past">{t('settings.review.examPassed')}</span>}{' '}
            <button type="button" className="ghost small" onClick={() => onChange(exams.filter((x) => x !== e))} aria-label={t('settings.review.examRemove')}>×</button>
          </li>
        ))}
      </ul>
      <select value={topic} onChange={(e) => setTopic(e.target.value)} aria-label={t('settings.review.examTopic')} data-testid="settings-exam-topic">
        <option value="">{t('settings.review.examTopic')}</option>
        {topics.map((p) => <option key={p} value={p}>{p.replaceAll('/', ' › ')}</option>)}
      </select>
      <input type="date" value={date} min={today} onChange={(e) => setDate(e.target.value)} aria-label={t('settings.review.examDate')} aria-invalid={past} data-testid="settings-exam-date" />
      <button
        type="button"
        disabled={!topic || !/^\d{4}-\d{2}-\d{2}$/.test(date) || past}
        onClick={() => {
          onChange([...exams.filter((x) => x.topic !== topic), { topic, date }]);
          setTopic('');
          setDate('');
        }}
        data-testid="settings-exam-add"
      >
        {t('settings.review.examAdd')}
      </button>
      {past && <span className="setting-hint error" role="alert" data-testid="settings-exam-date-past">{t('settings.review.examPast')}</span>}
    </div>
  );
}

/** A count typed in a box, as a whole number from 0 to `max`. */
const clamp = (typed: string, max: number): number => Math.max(0, Math.min(max, Math.round(Number(typed)) || 0));

/** A row of choices, one pressed (radio-like buttons, reachable by Tab). */
function Choices<T extends string | number>({ value, options, onChange, label, testId }: { value: T; options: { value: T; label: string }[]; onChange(v: T): void; label: string; testId: string }) {
  return (
    <div className="choices" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={String(o.value)} type="button" role="radio" aria-checked={o.value === value} className={o.value === value ? 'chosen' : ''} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function SettingsPage({ toast, theme, onTheme }: { toast: (m: ToastMessage) => void; theme: ThemeChoice; onTheme(choice: ThemeChoice): void }) {
  const { t, lang, setLang } = useT();
  const client = useClient();
  const { run, running } = useAction(toast);
  const [info, setInfo] = useState<LibraryInfo>();
  const [auto, setAuto] = useState<boolean>();
  const [review, setReview] = useState<Preferences['review']>();
  const [topicPaths, setTopicPaths] = useState<string[]>([]);
  const [folders, setFolders] = useState<SourceSummary[]>([]);
  const [reader, setReader] = useState<ReaderSettings>(() => readerSettings(localStorage));

  useEffect(() => {
    void client.libraryInfo({}).then(setInfo, () => undefined);
    void client.listTopics({}).then((all) => setTopicPaths(all.filter((x) => x.depth === 0 || x.path.startsWith('科目/')).map((x) => x.path)), () => undefined);
    void client.getPreferences({}).then(
      (p) => {
        setAuto(p.autoTopics);
        setReview(p.review);
      },
      () => undefined,
    );
    const load = (): void => void client.listSources({}).then((all) => setFolders(all.filter((s) => s.kind === 'folder')), () => undefined);
    load();
    return client.subscribe((e) => {
      if (e.type === 'sources.changed') load();
    });
  }, [client]);

  const changeReview = (change: Partial<Preferences['review']>): void => void run(async () => setReview((await client.setPreferences({ review: change })).review), 'review');
  const setReading = (next: ReaderSettings): void => {
    saveReaderSettings(localStorage, next);
    setReader(next);
  };
  const downloadsWatched = !info?.downloadsDir || folders.some((f) => f.path === info.downloadsDir);

  return (
    <section className="page settings-page" data-testid="settings-page">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>

      <section className="settings-group" aria-labelledby="settings-look">
        <h2 id="settings-look">{t('settings.look')}</h2>
        <div className="setting">
          <span className="setting-name">{t('settings.theme')}</span>
          <Choices value={theme} onChange={onTheme} label={t('settings.theme')} testId="settings-theme" options={(['system', 'light', 'dark'] as const).map((v) => ({ value: v, label: t(`settings.theme.${v}`) }))} />
        </div>
        <div className="setting">
          <span className="setting-name">{t('settings.language')}</span>
          <Choices value={lang} onChange={setLang} label={t('settings.language')} testId="settings-language" options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-reading">
        <h2 id="settings-reading">{t('settings.reading')}</h2>
        <div className="setting">
          <span className="setting-name">{t('reader.settings.font')}</span>
          <Choices value={reader.font} onChange={(font) => setReading({ ...reader, font })} label={t('reader.settings.font')} testId="settings-font" options={(['serif', 'sans'] as const).map((v) => ({ value: v, label: t(`reader.settings.font.${v}`) }))} />
        </div>
        <div className="setting">
          <span className="setting-name">{t('reader.settings.size')}</span>
          <select value={reader.size} onChange={(e) => setReading({ ...reader, size: Number(e.target.value) })} data-testid="settings-size" aria-label={t('reader.settings.size')}>
            {SIZES.map((s) => <option key={s} value={s}>{s} px</option>)}
          </select>
          <span className={`settings-sample font-${reader.font}`} style={{ fontSize: reader.size, lineHeight: reader.lineHeight }} data-testid="settings-sample">
            {t('settings.sample')}
          </span>
        </div>
        <div className="setting">
          <span className="setting-name">{t('reader.settings.lineHeight')}</span>
          <select value={reader.lineHeight} onChange={(e) => setReading({ ...reader, lineHeight: Number(e.target.value) })} aria-label={t('reader.settings.lineHeight')}>
            {LINE_HEIGHTS.map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
        </div>
        <div className="setting">
          <span className="setting-name">{t('reader.settings.width')}</span>
          <Choices value={reader.width} onChange={(width) => setReading({ ...reader, width })} label={t('reader.settings.width')} testId="settings-width" options={(['narrow', 'medium', 'wide'] as const).map((v) => ({ value: v, label: t(`reader.settings.width.${v}`) }))} />
        </div>
        <div className="setting">
          <span className="setting-name">{t('reader.settings.theme')}</span>
          <Choices value={reader.theme} onChange={(rt) => setReading({ ...reader, theme: rt })} label={t('reader.settings.theme')} testId="settings-reader-theme" options={(['app', 'light', 'sepia', 'dark'] as const).map((v) => ({ value: v, label: t(`reader.settings.theme.${v}`) }))} />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-topics">
        <h2 id="settings-topics">{t('settings.topics')}</h2>
        <label className="setting">
          <input
            type="checkbox"
            checked={auto ?? false}
            disabled={auto === undefined || running !== undefined}
            data-testid="settings-auto-topics"
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void run(async () => setAuto((await client.setPreferences({ autoTopics: on })).autoTopics), 'auto');
            }}
          />
          <span>{t('topics.autoOn')}</span>
          <span className="muted small">{t('settings.autoTopics.hint')}</span>
        </label>
      </section>

      <OcrSettings toast={toast} />

      <section className="settings-group" aria-labelledby="settings-review">
        <h2 id="settings-review">{t('settings.review')}</h2>
        {review && (
          <>
            <div className="setting">
              <span className="setting-name">{t('settings.review.retention')}</span>
              <select value={review.retention} onChange={(e) => changeReview({ retention: Number(e.target.value) })} data-testid="settings-retention" aria-label={t('settings.review.retention')}>
                {RETENTIONS.map((r) => <option key={r} value={r}>{Math.round(r * 100)}%</option>)}
              </select>
            </div>
            <div className="setting">
              <span className="setting-name">{t('settings.review.newPerDay')}</span>
              <input type="number" min={0} max={1000} value={review.newPerDay} onChange={(e) => changeReview({ newPerDay: clamp(e.target.value, 1000) })} data-testid="settings-new-per-day" aria-label={t('settings.review.newPerDay')} />
              <span className="setting-name">{t('settings.review.reviewsPerDay')}</span>
              <input type="number" min={0} max={10000} value={review.reviewsPerDay} onChange={(e) => changeReview({ reviewsPerDay: clamp(e.target.value, 10_000) })} aria-label={t('settings.review.reviewsPerDay')} />
            </div>
            <ExamDates exams={review.exams ?? []} topics={topicPaths} onChange={(exams) => changeReview({ exams })} />
            <div className="settings-actions">
              <button type="button" onClick={() => void run(async () => saveFile(await client.exportAnki({})), 'anki')} data-testid="settings-anki">{t('settings.review.anki')}</button>
              <span className="setting-hint">{t('settings.review.ankiHint')}</span>
            </div>
          </>
        )}
      </section>

      <section className="settings-group" aria-labelledby="settings-library">
        <h2 id="settings-library">{t('settings.library')}</h2>
        <div className="setting">
          <span className="setting-name">{t('settings.location')}</span>
          <code className="path" data-testid="settings-library-dir">{info?.libraryDir ?? '…'}</code>
        </div>
        <p className="muted small">{t('settings.location.hint')}</p>
        {info && (
          <p className="muted small" data-testid="settings-library-counts">
            {t('settings.counts', { documents: info.documents, trashed: info.trashed, version: info.version })}
          </p>
        )}
      </section>

      <section className="settings-group" aria-labelledby="settings-folders">
        <h2 id="settings-folders">{t('settings.folders')}</h2>
        {folders.length ? (
          <ul className="settings-folders" data-testid="settings-folders">
            {folders.map((f) => <li key={f.id}><code className="path">{f.path}</code> <span className="muted small">{t('settings.folder.count', { n: f.documents ?? 0 })}</span></li>)}
          </ul>
        ) : (
          <p className="muted">{t('settings.folders.none')}</p>
        )}
        <div className="settings-actions">
          {!downloadsWatched && (
            <button type="button" className="primary" disabled={running !== undefined} aria-busy={running === 'downloads'} data-testid="settings-watch-downloads" onClick={() => void run(() => client.addSource({ kind: 'folder', path: info!.downloadsDir! }), 'downloads')}>
              {t('settings.watchDownloads', { path: info!.downloadsDir! })}
            </button>
          )}
          <a className="button" href={hrefOf('sync')}>{t('settings.manageFolders')}</a>
        </div>
      </section>

      {info?.limits && (
        <section className="settings-group" aria-labelledby="settings-limits">
          <h2 id="settings-limits">{t('settings.limits')}</h2>
          <ul className="muted small" data-testid="settings-limits">
            <li>{t('settings.limit.file', { mb: info.limits.fileMB })}</li>
            <li>{t('settings.limit.download', { mb: info.limits.downloadMB })}</li>
            <li>{t('settings.limit.page', { mb: info.limits.pageMB })}</li>
          </ul>
        </section>
      )}
    </section>
  );
}
