/**
 * 科目 (the exam's subjects) suggested apart from themes: they say what a document is good for,
 * not what it is about, and one document can serve several (a 人民日报 commentary is 申论 material
 * and, when it reports a central meeting, 时政热点 too). Each subject is suggested from its own
 * 提法, and from the kind of document:
 * - a commentary or opinion piece (评论, 时评, 人民论坛, 社论, 人民日报…) serves 申论·策论;
 * - a law or regulation (its title ends in 法, 条例, 规定…; its text runs 第一条, 第二条…) serves
 *   公共基础知识.
 *
 * @example
 * suggestSubjects({ title: '为基层减负（人民时评）', text: '…' }, topics); // → [{ path: '科目/申论·策论', shown: true, phrases: ['时评'], … }]
 */
import type { SuggestedTopic } from '../../shared/types.js';
import type { TopicRecord } from './taxonomy.js';

const OPINION = /评论|时评|论坛|社论|观点|人民日报|评论员|人民网评|短评|今日谈/u;
const LAW_TITLE = /(法|条例|规定|办法|规则|细则|决定)(（[^）]*）|\([^)]*\))?$/u;
const LAW_TEXT = /第一条[\s\S]{1,2000}?第二条/u;

export function suggestSubjects(doc: { title: string; text: string; origin?: string; site?: string; category?: string[] }, topics: TopicRecord[]): SuggestedTopic[] {
  const head = `${doc.title}\n${doc.origin ?? ''}\n${doc.site ?? ''}\n${(doc.category ?? []).join(' ')}\n${doc.text.slice(0, 300)}`;
  const body = doc.text.slice(0, 50_000);
  const out: SuggestedTopic[] = [];
  for (const t of topics) {
    if (!t.path.startsWith('科目/')) continue;
    const found = t.phrases.filter((p) => doc.title.includes(p) || body.includes(p));
    let score = found.length;
    const name = t.path.slice('科目/'.length);
    if (name.startsWith('申论')) {
      const marker = OPINION.exec(head)?.[0];
      if (marker) {
        score += 2;
        found.push(marker);
      }
    }
    if (name === '公共基础知识' && (LAW_TITLE.test(doc.title.trim()) || LAW_TEXT.test(body.slice(0, 5_000)))) {
      score += 2;
      found.push('法律法规');
    }
    if (!score) continue;
    out.push({ id: t.path, name, path: t.path, score, phrases: [...new Set(found)], shown: score >= 2 });
  }
  return out.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
}
