import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation } from './punctuation';

describe('full-width punctuation in OCR text', () => {
  it('turns ASCII quotes beside Chinese into opening and closing quotes, in turn', () => {
    expect(fullWidthPunctuation('网络平台不能只有"资本思维"')).toBe('网络平台不能只有“资本思维”');
    expect(fullWidthPunctuation('他说:"一朵鲜花打扮不出美丽的春天。"让更多人')).toBe('他说：“一朵鲜花打扮不出美丽的春天。”让更多人');
    expect(fullWidthPunctuation("所谓'放管服'改革")).toBe('所谓‘放管服’改革');
  });

  it('closes a quotation wrapped from the line before', () => {
    expect(fullWidthPunctuation('是最好的老师"。接着')).toBe('是最好的老师”。接着');
  });

  it('widens commas, colons, semicolons, question and exclamation marks and brackets beside Chinese only', () => {
    expect(fullWidthPunctuation('首先,要明确;其次:落实(试行)?是!')).toBe('首先，要明确；其次：落实（试行）？是！');
    expect(fullWidthPunctuation('3.5%, GDP (2018): "ok"')).toBe('3.5%, GDP (2018): "ok"');
  });
});
