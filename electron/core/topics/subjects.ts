/**
 * 科目 (the exam's subjects) suggested apart from themes: they say what a document is good for,
 * not what it is about, and one document can serve several (a 人民日报 commentary is 申论 material
 * and, when it reports a central meeting, 时政热点 too). Each subject is suggested from its own
 * 提法, and from the kind of document:
 * - a commentary or opinion piece serves 申论·策论: marked as one (评论, 时评, 人民论坛, 社论,
 *   人民日报…), or, as a saved commentary's body often is not, a text that argues
 *   ({@link ARGUMENT_DENSITY} ‰ of its first characters are words of argument: 要, 应, 必须, 才能,
 *   推动, 坚持…) about an exam theme (its best theme scores {@link THEME_EVIDENCE}), and is no law;
 * - a law or regulation (its title ends in 法, 条例, 规定…; its text runs 第一条, 第二条…) serves
 *   公共基础知识.
 *
 * @example
 * suggestSubjects({ title: '为基层减负（人民时评）', text: '…' }, topics); // → [{ path: '科目/申论·策论', shown: true, phrases: ['时评'], … }]
 * suggestSubjects({ title: '让家政业成为爱心工程', text: '…要…应…' }, topics, 0.3); // → [{ path: '科目/申论·策论', phrases: ['议论'], … }]
 */
import type { SuggestedTopic } from '../../shared/types.js';
import type { TopicRecord } from './taxonomy.js';

const OPINION = /评论|时评|人民论坛|社论|观点|人民日报|评论员|人民网评|短评|今日谈/u;
const LAW_TITLE = /(法|条例|规定|办法|规则|细则|决定)(（[^）]*）|\([^)]*\))?$/u;
const LAW_TEXT = /第一条[\s\S]{1,2000}?第二条/u;
/** Words that argue what should be done. */
const ARGUMENT = /要|应|必须|需要|才能|更好|推动|坚持|让|只有|切实|着力|不断|进一步|加强|完善/gu;
/** Words of argument per thousand CJK characters (of the first 5,000) that make a text an argument. */
export const ARGUMENT_DENSITY = 10;
/** … about a theme: its best theme suggestion scores this much (or it has a confirmed theme). */
export const THEME_EVIDENCE = 0.12;

/** A law or regulation: its title ends in 法, 条例, 规定… or its text runs 第一条, 第二条…. */
export function isLaw(doc: { title: string; text: string }): boolean {
  return LAW_TITLE.test(doc.title.trim()) || LAW_TEXT.test(doc.text.slice(0, 5_000));
}

/** Words of argument per thousand CJK characters of a text's start. */
export function argumentDensity(text: string): number {
  const head = text.slice(0, 5_000);
  let cjk = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
  }
  if (cjk < 200) return 0;
  let words = 0;
  for (ARGUMENT.lastIndex = 0; ARGUMENT.exec(head); ) words++;
  return (words * 1000) / cjk;
}

/** `themeScore`: how surely the document is about an exam theme (its best theme suggestion's score). */
export function suggestSubjects(doc: { title: string; text: string; origin?: string; site?: string; category?: string[] }, topics: TopicRecord[], themeScore = 0): SuggestedTopic[] {
  const law = isLaw(doc);
  const head = `${doc.title}\n${doc.origin ?? ''}\n${doc.site ?? ''}\n${(doc.category ?? []).join(' ')}\n${doc.text.slice(0, 300)}`;
  const body = doc.text.slice(0, 50_000);
  const out: SuggestedTopic[] = [];
  for (const t of topics) {
    if (!t.path.startsWith('科目/')) continue;
    const found = t.phrases.filter((p) => doc.title.includes(p) || body.includes(p));
    let score = found.length;
    const name = t.path.slice('科目/'.length);
    if (name.startsWith('申论')) {
      const marker = OPINION.exec(head)?.[0] ?? (!law && themeScore >= THEME_EVIDENCE && argumentDensity(body) >= ARGUMENT_DENSITY ? '议论' : undefined);
      if (marker) {
        score += 2;
        found.push(marker);
      }
    }
    if (name === '公共基础知识' && law) {
      score += 2;
      found.push('法律法规');
    }
    if (!score) continue;
    out.push({ id: t.path, name, path: t.path, score, phrases: [...new Set(found)], shown: score >= 2 });
  }
  return out.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
}
