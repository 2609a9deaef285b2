/**
 * The keyboard shortcuts, all on one sheet: opened with "?" anywhere (not while typing) and
 * closed with Escape or a click outside. The list is the shortcuts the pages really handle.
 *
 * @example
 * {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Sections of the sheet: each a heading and its keys with what they do. */
const SECTIONS: { title: MessageKey; keys: [string, MessageKey][] }[] = [
  {
    title: 'keys.everywhere',
    keys: [
      [`${MOD}+K`, 'keys.search'],
      ['Alt+1 … 8', 'keys.pages'],
      [`${MOD}+,`, 'keys.settings'],
      ['?', 'keys.sheet'],
    ],
  },
  {
    title: 'keys.library',
    keys: [
      [`${MOD}+A`, 'keys.selectAll'],
      ['Shift / Ctrl + {click}', 'keys.selectRange'],
      ['Esc', 'keys.clearSelection'],
    ],
  },
  {
    title: 'keys.reader',
    keys: [
      [`${MOD}+F`, 'keys.find'],
      ['Enter / F3', 'keys.findNext'],
      ['H', 'keys.highlight'],
      [`${MOD}+Enter`, 'keys.saveNote'],
      [`${MOD}+G`, 'keys.goToPage'],
      [`${MOD}+ = / − / 0`, 'keys.zoom'],
    ],
  },
  {
    title: 'keys.review',
    keys: [
      ['Enter', 'keys.reviewStart'],
      ['Space', 'keys.reviewShow'],
      ['1 / 2 / 3 / 4', 'keys.reviewGrade'],
      ['Z', 'keys.reviewUndo'],
    ],
  },
];

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useT();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal shortcut-sheet" role="dialog" aria-modal="true" aria-label={t('keys.title')} data-testid="shortcut-sheet" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{t('keys.title')}</h2>
        {SECTIONS.map((section) => (
          <section key={section.title}>
            <h3>{t(section.title)}</h3>
            <dl>
              {section.keys.map(([keys, what]) => (
                <div key={what} className="shortcut-row">
                  <dt>
                    <kbd>{keys.replace('{click}', t('keys.click'))}</kbd>
                  </dt>
                  <dd>{t(what)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="modal-actions">
          <button ref={close} type="button" onClick={onClose}>{t('common.close')}</button>
        </div>
      </div>
    </div>
  );
}
