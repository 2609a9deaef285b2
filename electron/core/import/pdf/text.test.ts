import { describe, expect, it } from 'vitest';
import { foldCompatibility, joinItems, layoutPage } from './text';

const item = (str: string, x: number, y: number, width = str.length * 10) => ({ str, x, y, width, height: 10 });

/** A page of lines at a 14-unit pitch, each a list of items of 10-unit glyphs, from the left margin 0 unless indented. */
const page = (...lines: [string, number?][]) => lines.map(([str, indent = 0], i) => item(str, indent, 700 - 14 * i));

describe('PDF text joining', () => {
  it('never puts a space between Chinese glyphs, even across a gap', () => {
    expect(joinItems([item('基层', 0, 100), item('减负', 25, 100)])).toBe('基层减负');
  });

  it('keeps a space between Latin words that the PDF spaces apart', () => {
    expect(joinItems([item('Debian', 0, 100), item('Reference', 70, 100)])).toBe('Debian Reference');
    expect(joinItems([item('Debian', 0, 100), item('的', 60.5, 100)])).toBe('Debian的');
  });

  it('orders lines top to bottom and items left to right', () => {
    expect(joinItems([item('第二行', 0, 60), item('右', 40, 100), item('左', 0, 100)])).toBe('左右\n第二行');
  });

  it('folds radicals and compatibility characters, not Chinese punctuation', () => {
    expect(foldCompatibility('中国人⺠大学⻘年，⼤会ﬁ')).toBe('中国人民大学青年，大会fi');
  });
});

describe('PDF lines wrapped by the layout', () => {
  it('joins a paragraph’s lines and keeps an indented first line as a new paragraph', () => {
    const text = joinItems(page(['坚持以人民为中心的发', 20], ['展思想，推动高质量发展'], ['不断前进。'], ['新的一段开始了，内容', 20], ['在这里结束。']));
    expect(text).toBe('坚持以人民为中心的发展思想，推动高质量发展不断前进。\n新的一段开始了，内容在这里结束。');
  });

  it('breaks at a short line, a wider gap, a change of size and a list marker after a sentence', () => {
    expect(joinItems(page(['标题'], ['正文第一行写到了右边'], ['第二行']))).toBe('标题\n正文第一行写到了右边第二行');
    expect(joinItems([item('第一段写满了整行的字', 0, 700), item('第二段写满了整行的字', 0, 670), item('第二段的第二行', 0, 656)])).toBe('第一段写满了整行的字\n第二段写满了整行的字第二段的第二行');
    expect(joinItems([item('大字号写满了一整行', 0, 700), { ...item('小字', 0, 686), height: 6 }])).toBe('大字号写满了一整行\n小字');
    expect(joinItems(page(['一、总体要求写满一行。'], ['二、基本原则写满一行'], ['这是续行']))).toBe('一、总体要求写满一行。\n二、基本原则写满一行这是续行');
  });

  it('joins a line short by a piece that could not start the next (避头尾, a Latin word)', () => {
    // 意见》）moves to the next line whole: the line above stops three glyphs short.
    expect(joinItems(page(['印发《关于改革的意见》', 0], ['（以下简称《意'], ['见》），提出举措。']).map((it, i) => (i === 1 ? { ...it, width: 70 } : it)))).toContain('简称《意见》），提出');
    // One space between Latin words, none at a soft hyphen, a hard hyphen kept.
    expect(joinItems(page(['the programs included'], ['with the system']))).toBe('the programs included with the system');
    expect(joinItems(page(['the distribu\u00ad'], ['tion terms are']))).toBe('the distribution terms are');
    expect(joinItems(page(['a well-'], ['known program']).map((it, i) => (i === 0 ? { ...it, width: 130 } : it)))).toBe('a well-known program');
  });

  it('says whether the page opens and ends inside a paragraph', () => {
    expect(layoutPage(page(['续上页的文字写满了'], ['这一段到此结束。'], ['下一段写满了一行', 20], ['写满了整整一行字的']))).toMatchObject({ opensInRun: true, endsInRun: true });
    expect(layoutPage(page(['新段落从这里开始了', 20], ['写到这里就结束。']))).toMatchObject({ opensInRun: false, endsInRun: false });
  });
});
