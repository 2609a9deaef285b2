/**
 * 「Aa」: the article view's typography in a small panel — serif or sans, size, line height,
 * width, light / sepia / dark. Changes apply at once and are remembered.
 *
 * @example
 * <SettingsMenu settings={settings} onChange={setSettings} />
 */
import { useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { LINE_HEIGHTS, SIZES, stepIn, type ReaderSettings } from './settings';
import { useDismiss } from './useDismiss';

export function SettingsMenu({ settings, onChange }: { settings: ReaderSettings; onChange(s: ReaderSettings): void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // A click anywhere else closes the panel.
  useDismiss(root, open, useCallback(() => setOpen(false), []));
  const set = (patch: Partial<ReaderSettings>): void => onChange({ ...settings, ...patch });
  const choice = <K extends 'font' | 'width' | 'theme'>(key: K, values: ReaderSettings[K][]) => (
    <div className="seg" role="radiogroup" aria-label={t(`reader.settings.${key}` as MessageKey)}>
      {values.map((v) => (
        <button key={v} type="button" role="radio" aria-checked={settings[key] === v} className={settings[key] === v ? 'on' : ''} onClick={() => set({ [key]: v } as Partial<ReaderSettings>)} data-testid={`setting-${key}-${v}`}>
          {t(`reader.settings.${key}.${v}` as MessageKey)}
        </button>
      ))}
    </div>
  );
  return (
    <div className="settings-menu" ref={root}>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} title={t('reader.settings')} data-testid="reader-settings">Aa</button>
      {open && (
        <div className="settings-panel" role="dialog" aria-label={t('reader.settings')} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <label>{t('reader.settings.font')}</label>
          {choice('font', ['serif', 'sans'])}
          <label>{t('reader.settings.size')}</label>
          <div className="seg">
            <button type="button" onClick={() => set({ size: stepIn(SIZES, settings.size, -1) })} aria-label={t('reader.settings.smaller')}>A−</button>
            <span className="seg-value">{settings.size}px</span>
            <button type="button" onClick={() => set({ size: stepIn(SIZES, settings.size, 1) })} aria-label={t('reader.settings.larger')} data-testid="setting-size-up">A+</button>
          </div>
          <label>{t('reader.settings.lineHeight')}</label>
          <div className="seg">
            <button type="button" onClick={() => set({ lineHeight: stepIn(LINE_HEIGHTS, settings.lineHeight, -1) })} aria-label={t('reader.settings.tighter')}>−</button>
            <span className="seg-value">{settings.lineHeight.toFixed(1)}</span>
            <button type="button" onClick={() => set({ lineHeight: stepIn(LINE_HEIGHTS, settings.lineHeight, 1) })} aria-label={t('reader.settings.looser')}>+</button>
          </div>
          <label>{t('reader.settings.width')}</label>
          {choice('width', ['narrow', 'medium', 'wide'])}
          <label>{t('reader.settings.theme')}</label>
          {choice('theme', ['app', 'light', 'sepia', 'dark'])}
        </div>
      )}
    </div>
  );
}
