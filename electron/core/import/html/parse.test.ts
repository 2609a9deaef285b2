import { describe, expect, it } from 'vitest';
import { parsePage, withHtmlRoot } from './parse';

const bodyText = (source: string): string => {
  const { document } = parsePage(source);
  return (document.body?.textContent || document.documentElement.textContent || '').trim();
};

describe('pages parsed with an <html> root, however they were saved', () => {
  it('reads the body of pages that start at <head>, at <body>, or are bare fragments', () => {
    expect(bodyText('<head><title>T</title></head><body><p>正文一段</p></body>')).toBe('正文一段');
    expect(bodyText('<!DOCTYPE html><head><meta charset="utf-8"></head><body><p>正文</p></body>')).toBe('正文');
    expect(bodyText('<body><p>只有 body</p></body>')).toBe('只有 body');
    expect(bodyText('<meta charset="utf-8"><title>T</title><div><p>片段正文</p></div>')).toContain('片段正文');
    expect(parsePage('<p>只有段落</p>').document.documentElement.tagName).toBe('HTML');
  });

  it('keeps pages that have <html> (after a BOM, comments or a doctype) as they are', () => {
    expect(withHtmlRoot('\ufeff<!-- saved --><!DOCTYPE html><html><body><p>a</p></body></html>')).toBe('\ufeff<!-- saved --><!DOCTYPE html><html><body><p>a</p>');
    expect(bodyText('junk<html><body><p>after junk</p></body></html>')).toBe('after junk');
  });

  it('keeps what follows an early </html> or </body>, as a browser does', () => {
    const nested = '<html><body><div>外层</div><!DOCTYPE html><html><head><title>内</title></head><body><p>内层</p></body></html><p>正文在后面</p></body></html>';
    expect(bodyText(nested)).toContain('正文在后面');
  });
});
