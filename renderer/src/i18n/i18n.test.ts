import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './index';
import { zhCN } from './zh-CN';

describe('i18n', () => {
  it('has an English text for every Chinese key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('fills variables', () => {
    expect(translate('zh-CN', 'library.count', { n: 3 })).toBe('共 3 篇');
    expect(translate('en', 'library.count', { n: 3 })).toBe('3 documents');
  });
});
