import { describe, expect, it } from 'vitest';
import { chooseTitle, findAuthor, findDate, findLabelledDate, findNameLine, findPersonSource, findSource, parseBreadcrumb, parseByline, siteFromTitle } from './metadata';

describe('HTML metadata', () => {
  it('reads a 人民日报 byline into author, origin and date', () => {
    expect(parseByline('殷 烁;《 人民日报 》( 2024年09月03日   第 09 版)')).toEqual({
      author: '殷 烁',
      origin: '人民日报 2024年09月03日 第09版',
      publishedAt: '2024-09-03',
    });
    expect(parseByline('《人民日报》（2024年9月3日 第5版）')).toEqual({ origin: '人民日报 2024年09月03日 第05版', publishedAt: '2024-09-03' });
    expect(parseByline('形式主义向来是大敌。')).toBeUndefined();
  });

  it('finds dates in the ways Chinese pages write them', () => {
    expect(findDate('2024-09-03| 来源:北辰遴选')).toBe('2024-09-03');
    expect(findDate('发布时间：2024年9月3日 10:00')).toBe('2024-09-03');
    expect(findDate('2005/7/31 12:30')).toBe('2005-07-31');
    expect(findDate('1998年3月')).toBe('1998-03');
    expect(findDate('第2024期')).toBeUndefined();
    expect(findLabelledDate('发表于 2004年12月27日 12:40 - (阅读:3727)')).toBe('2004-12-27');
    expect(findDate('发布日期：\n9/17/2004 5:54:13 AM')).toBe('2004-09-17');
  });

  it('finds authors by label, reporter line and signature', () => {
    expect(findAuthor('作者：宋怡 杨志华')).toBe('宋怡 杨志华');
    expect(findAuthor('作者： 放飞&心情\n振威将军')).toBe('放飞&心情');
    expect(findAuthor('（ 责任编辑：魏喆 ）')).toBe('魏喆');
    expect(findAuthor('光明日报记者 王建宏 张文攀')).toBe('王建宏 张文攀');
    expect(findAuthor('由海姑娘张贴 @ 2005-06-14')).toBe('海姑娘');
    expect(findAuthor('（袁源）')).toBe('袁源');
    expect(findAuthor('顶端新闻·河南商报记者马俊峰/文受访者供图')).toBe('马俊峰');
    expect(findAuthor('文章引用：赵培. 淘宝网物流配送存在的问题及对策研究[J]')).toBe('赵培');
    expect(findAuthor('作者单位：南京大学社会学系')).toBeUndefined();
    expect(findNameLine('社会资本与再就业\n赵延东、风笑天\n近年来……')).toBe('赵延东、风笑天');
    expect(findNameLine('导航')).toBeUndefined();
    expect(findPersonSource('来源: 尹娟')).toBe('尹娟');
    expect(findPersonSource('来源：新华社')).toBeUndefined();
    expect(findAuthor('作者[太小心]自己发表的最新评论')).toBe('太小心');
    expect(findAuthor('[ 黄宇 ] 来源：[ 国际金融报 ]')).toBe('黄宇');
    expect(findNameLine('个人专栏')).toBeUndefined();
    // A reporter mentioned inside a sentence is not the author.
    expect(findAuthor('她还首度向本报记者自曝实验秘密')).toBeUndefined();
  });

  it('reads the source, the breadcrumb and the title', () => {
    expect(findSource('2024-09-03| 来源:北辰遴选')).toBe('北辰遴选');
    expect(parseBreadcrumb('您现在的位置: 首页 > 遴选网 > 行业遴选 > 文秘综合类 > 整治“指尖上的形式主义”', '整治“指尖上的形式主义”')).toEqual([
      '遴选网',
      '行业遴选',
      '文秘综合类',
    ]);
    expect(parseBreadcrumb('网易首页 > 新闻中心 > 正文', 'x')).toEqual(['网易首页', '新闻中心']);
    expect(chooseTitle('整治“指尖上的形式主义”_文秘综合类_北辰遴选', ['北辰遴选', '整治“指尖上的形式主义”'])).toBe('整治“指尖上的形式主义”');
    expect(chooseTitle('宇航员在太空中喝酒会怎么样 _探索者 _光明网', [])).toBe('宇航员在太空中喝酒会怎么样');
    expect(siteFromTitle('标题_栏目_北辰遴选')).toBe('北辰遴选');
    // Not a site: a template's debris, a sentence, a bracketed tag, a forum engine's badge.
    expect(findSource('作者： size="20" 来源： size="20" 发布日期：')).toBeUndefined();
    expect(findSource('来源：新华网 2024-09-03')).toBe('新华网');
    expect(siteFromTitle('书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来')).toBeUndefined();
    expect(siteFromTitle('北医新闻网 - (新闻)')).toBeUndefined();
    expect(siteFromTitle('社会资本 - powered by Discuz! Archiver')).toBeUndefined();
    expect(siteFromTitle('宇航员在太空中喝酒会怎么样 _探索者 _光明网')).toBe('光明网');
  });
});
