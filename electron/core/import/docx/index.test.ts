import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../../test/support/shared';
import { importDocx, joinSingleCharacters } from './index';
import { coreProperties } from './core-props';

const docx = (name: string): Buffer => readFileSync(join(SHARED, 'corpus', 'docx', name));

describe('Word documents', () => {
  it('take author and day from core properties that name a person, not an account', () => {
    expect(coreProperties(docx('party-column-autumn.docx'))).toEqual({ author: '召瑞 芶', created: '2025-03-23' });
    expect(coreProperties(docx('demo1.docx'))).toEqual({ created: '2026-03-02' }); // creator "myhloli" is a login
    expect(coreProperties(new Uint8Array([1, 2, 3]))).toEqual({});
  }, 30_000);

  it('take a title-like first paragraph, not a heading deep inside, and join one-character lines', async () => {
    expect((await importDocx(docx('demo1.docx'), 'demo1.docx')).title).toBe('MinerU supports DOCX document parsing now');
    expect((await importDocx(docx('party-column-autumn.docx'), 'x.docx')).title).toBe('党建专栏｜秋日迎新正当时，党旗领航显担当');
    expect(joinSingleCharacters(['策', '划', '书', '一、活动背景', '甲'])).toEqual(['策划书', '一、活动背景', '甲']);
  }, 30_000);
});
