import { describe, expect, it } from 'vitest';
import { intervalText } from './interval';

describe('a grade button’s interval', () => {
  it('says minutes, hours, days, months and years', () => {
    expect(intervalText(30_000, 'zh-CN')).toBe('1 分钟');
    expect(intervalText(10 * 60_000, 'zh-CN')).toBe('10 分钟');
    expect(intervalText(3 * 3_600_000, 'zh-CN')).toBe('3 小时');
    expect(intervalText(4 * 86_400_000, 'zh-CN')).toBe('4 天');
    expect(intervalText(75 * 86_400_000, 'zh-CN')).toBe('2.5 个月');
    expect(intervalText(438 * 86_400_000, 'en')).toBe('1.2 y');
  });
});
