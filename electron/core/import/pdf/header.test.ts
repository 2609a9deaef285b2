import { describe, expect, it } from 'vitest';
import { createdDay } from './extract';
import { datedLine, pdfTextMeta } from './header';

describe('what a PDF says of itself', () => {
  it('reads a newspaper header, a byline, labelled dates and sources in its opening lines', () => {
    expect(pdfTextMeta('《人民日报》（2024年09月03日 第09版）\n整治“指尖上的形式主义”\n正文')).toEqual({ origin: '人民日报 2024年09月03日 第09版', publishedAt: '2024-09-03' });
    expect(pdfTextMeta('标题\n殷 烁;《 人民日报 》( 2024年09月03日 第 09 版)\n正文')).toEqual({ author: '殷 烁', origin: '人民日报 2024年09月03日 第09版', publishedAt: '2024-09-03' });
    expect(pdfTextMeta('标题\n发布时间：2023-12-01 来源：新华网\n正文')).toEqual({ publishedAt: '2023-12-01', site: '新华网' });
    expect(pdfTextMeta(`${'正文一行\n'.repeat(20)}《人民日报》（2024年09月03日 第09版）`)).toEqual({});
    // A date alone on a line of the cover; a labelled one wins over it, a date inside a sentence is not one.
    expect(datedLine('[Table_Main]\n证券研究报告 | 公司点评\n高测股份(688556.SH)\n2022 年 07 月 19 日\n增持（维持）')).toBe('2022-07-19');
    expect(pdfTextMeta('标题\n2022-07-19\n发布时间：2023-12-01\n正文')).toEqual({ publishedAt: '2023-12-01' });
    expect(pdfTextMeta('标题\n会议于2022年7月19日召开\n正文')).toEqual({});
  });

  it('takes the info dictionary’s creation day, unless a browser printed the PDF', () => {
    expect(createdDay('D:20240903101500+08', 'Microsoft® Word 2019')).toBe('2024-09-03');
    expect(createdDay('D:20201211141610Z', 'Chromium Skia/PDF m83')).toBeUndefined();
    expect(createdDay('D:20241340', 'WPS')).toBeUndefined();
    expect(createdDay(undefined, '')).toBeUndefined();
  });
});
