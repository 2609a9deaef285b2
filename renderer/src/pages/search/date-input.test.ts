import { describe, expect, it } from 'vitest';
import { parseDateInput } from './date-input';

describe('parseDateInput', () => {
  it('reads the ways dates are typed', () => {
    expect(parseDateInput('2024')).toBe('2024');
    expect(parseDateInput('2024-3')).toBe('2024-03');
    expect(parseDateInput('2024年3月')).toBe('2024-03');
    expect(parseDateInput('2024年03月05日')).toBe('2024-03-05');
    expect(parseDateInput(' 2024/3/5 ')).toBe('2024-03-05');
    expect(parseDateInput('2024.12')).toBe('2024-12');
    expect(parseDateInput('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses what is not a date, and leaves empty alone', () => {
    expect(parseDateInput('')).toBeUndefined();
    expect(parseDateInput('   ')).toBeUndefined();
    for (const bad of ['明年', '24-3', '2024-13', '2023-02-29', '2024-3-32', '2024-03-05x']) expect(parseDateInput(bad), bad).toBeNull();
  });
});
