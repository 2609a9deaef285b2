import { describe, expect, it } from 'vitest';
import { bigrams, trainModel, vectorize } from './model';
import { codeOf, compileModel, modelScores, packModel, unpackModel } from './scoring';
import { diversify, markShown, preferSpecific, SHOW_MIN } from './suggest';
import { suggestSubjects } from './subjects';
import type { SuggestedTopic } from '../../shared/types';

const taxonomy = [
  { path: '民生保障', description: '保障和改善民生。', phrases: ['民生'] },
  { path: '民生保障/教育', description: '办好人民满意的教育。', phrases: ['教育', '学校'] },
  { path: '民生保障/医疗卫生', description: '健康中国。', phrases: ['医疗', '医院'] },
  { path: '生态文明', description: '绿水青山。', phrases: ['生态环境'] },
  { path: '科目/申论·策论', description: '申论写作。', phrases: ['申论'] },
];
const examples = [
  { title: '让每个孩子都上好学', text: '学校教育要回归育人本位，老师和家长共同关心孩子成长，学校课堂是主阵地。', topics: ['民生保障/教育'] },
  { title: '课后服务进校园', text: '学校延长课后服务，家长接孩子更方便，老师也要减负，教育部门统筹安排。', topics: ['民生保障/教育'] },
  { title: '看病就医更方便', text: '医院推行预约诊疗，患者少排队，医生有更多时间问诊，医疗资源下沉基层。', topics: ['民生保障/医疗卫生'] },
  { title: '分级诊疗見成效', text: '基层医院能看常见病，大医院专注疑难重症，患者看病不再扎堆，医疗服务更均衡。', topics: ['民生保障/医疗卫生'] },
];

describe('the theme classifier', () => {
  it('counts CJK bigrams, the title weighted', () => {
    const g = bigrams('教育', '教育公平');
    expect(g.get('教育')).toBe(1 + 3);
    expect(g.get('公平')).toBe(1);
    expect(g.has('育公')).toBe(true);
  });

  it('trains the same model from the same input, leaves 科目 out, and finds the nearest theme', () => {
    const a = trainModel(examples, taxonomy);
    expect(JSON.stringify(trainModel(examples, taxonomy))).toBe(JSON.stringify(a));
    expect(Object.keys(a.centroids)).not.toContain('科目/申论·策论');
    const model = compileModel(a);
    const scores = modelScores(model, { title: '家长关心的课后服务', text: '孩子放学后留在学校，老师组织课后服务。' });
    const best = [...scores].sort((x, y) => y[1] - x[1])[0]![0];
    expect(best).toBe('民生保障/教育');
    const health = modelScores(model, { title: '患者看病', text: '医院和医生提升医疗服务。' });
    expect([...health].sort((x, y) => y[1] - x[1])[0]![0]).toBe('民生保障/医疗卫生');
    // The packed file scores as the trained model does (to its rounding).
    const packed = unpackModel(JSON.parse(JSON.stringify(packModel(a))) as ReturnType<typeof packModel>);
    for (const [path, score] of modelScores(packed, { title: '家长关心的课后服务', text: '孩子放学后留在学校。' })) expect(score).toBeCloseTo(modelScores(model, { title: '家长关心的课后服务', text: '孩子放学后留在学校。' }).get(path)!, 3);
  });

  it("learns a theme's wording: a text in the genre's words finds the theme better than by its 提法 alone", () => {
    // Two texts that teach the model the wording's bigrams (it knows bigrams seen in two texts), labelled with another theme.
    const text = '老年人居家养老，社区日间照料，养老机构护理床位。';
    const more = [...examples, { title: '居家养老', text, topics: ['民生保障'] }, { title: '养老机构', text, topics: ['民生保障'] }];
    const ageing = { path: '民生保障/养老与社会保障', description: '应对人口老龄化。', phrases: ['社会保障'] };
    const score = (wording?: string): number =>
      modelScores(compileModel(trainModel(more, [...taxonomy, { ...ageing, ...(wording ? { wording } : {}) }])), { title: '日间照料', text: '社区开办日间照料中心，居家养老更方便。' }).get(ageing.path)!;
    expect(score('居家养老，日间照料，养老机构')).toBeGreaterThan(score() + 0.1);
  });

  it('leaves out of a centroid what all texts share, and keeps what is its own', () => {
    const shared = '坚持以人民为中心，办好群众身边事。';
    const withShared = examples.map((e) => ({ ...e, text: shared + e.text }));
    const plain = trainModel(withShared, taxonomy, { contrast: 0 }).centroids['民生保障/教育']!;
    const contrasted = trainModel(withShared, taxonomy).centroids['民生保障/教育']!;
    // 人民 is in every text: in the centroid without contrast, not with it; 学校 is education's own.
    expect(plain['人民']).toBeGreaterThan(0);
    expect(contrasted['人民']).toBeUndefined();
    expect(contrasted['学校']).toBeGreaterThan(0);
  });

  it('counts the same bigrams as numbers as it does as strings', () => {
    const title = '互联网+教育';
    const text = '让“互联网+教育”健康发展，教育公平，学校和家长。';
    // The scoring walk (bigrams as numbers, looked up in a table) gives the cosines of the string vectors.
    const trained = trainModel(examples, taxonomy);
    const v = vectorize(trained.idf, bigrams(title, text));
    const numeric = modelScores(compileModel(trained), { title, text });
    for (const [path, centroid] of Object.entries(trained.centroids)) expect(numeric.get(path)).toBeCloseTo([...v].reduce((sum, [g, x]) => sum + x * (centroid[g] ?? 0), 0), 5);
    // Small integers, and one number per bigram.
    for (const g of bigrams(title, text).keys()) expect(codeOf(g)).toBeLessThan(2 ** 30);
    expect(new Set([...bigrams(title, text).keys()].map(codeOf)).size).toBe(bigrams(title, text).size);
  });
});

const s = (path: string, score: number, phrases: string[] = []): SuggestedTopic => ({ id: path, name: path, path, score, phrases });

describe('ranking suggestions', () => {
  it('puts a sub-theme with its own evidence before its parent', () => {
    expect(preferSpecific([s('生态文明', 0.5), s('生态文明/污染防治', 0.35, ['大气污染'])]).map((x) => x.path)).toEqual(['生态文明/污染防治', '生态文明']);
    expect(preferSpecific([s('生态文明', 0.5), s('生态文明/污染防治', 0.2, ['大气污染'])]).map((x) => x.path)).toEqual(['生态文明', '生态文明/污染防治']);
    expect(preferSpecific([s('生态文明', 0.5), s('生态文明/污染防治', 0.4)]).map((x) => x.path)).toEqual(['生态文明', '生态文明/污染防治']);
  });

  it('gives the second and third places to other roots unless the same root is clearly stronger', () => {
    const list = [s('民生保障/医疗卫生', 0.5), s('民生保障/养老与社会保障', 0.3), s('社会治理/市场监管与消费者权益', 0.28), s('民生保障/教育', 0.27)];
    expect(diversify(list).map((x) => x.path).slice(0, 3)).toEqual(['民生保障/医疗卫生', '社会治理/市场监管与消费者权益', '民生保障/养老与社会保障']);
    const strong = [s('民生保障/医疗卫生', 0.5), s('民生保障/养老与社会保障', 0.45), s('社会治理/市场监管与消费者权益', 0.2)];
    expect(diversify(strong).map((x) => x.path)).toEqual(strong.map((x) => x.path));
  });

  it('shows the strongest few over the floor and close to the best', () => {
    const shown = markShown([s('a', 0.5), s('b', 0.45), s('c', 0.3), s('d', 0.49)]);
    expect(shown.map((x) => x.shown)).toEqual([true, true, false, false]);
    expect(markShown([s('a', SHOW_MIN / 2)])[0]!.shown).toBe(false);
  });
});

describe('科目', () => {
  it('are suggested apart: a commentary serves 申论, a law 公共基础知识', () => {
    const topics = [
      { path: '科目', phrases: [] },
      { path: '科目/申论·策论', phrases: ['申论'] },
      { path: '科目/公共基础知识', phrases: ['公共基础知识'] },
      { path: '民生保障', phrases: ['民生'] },
    ];
    const opinion = suggestSubjects({ title: '让教育回归育人（人民时评）', text: '……' }, topics);
    expect(opinion.map((x) => [x.path, x.shown])).toEqual([['科目/申论·策论', true]]);
    const law = suggestSubjects({ title: '中华人民共和国教育法', text: '第一条 为了发展教育事业……第二条 在中华人民共和国境内的各级各类教育，适用本法。' }, topics);
    expect(law.map((x) => x.path)).toEqual(['科目/公共基础知识']);
    expect(suggestSubjects({ title: '一份菜谱', text: '先放油，再放菜。' }, topics)).toEqual([]);
    // A commentary saved without its column's name: a text that argues, about an exam theme.
    const argued = '家政服务关系千家万户。要加快完善行业标准，应当推动职业化建设，必须切实加强培训，才能让家政从业者更好地融入城市。'.repeat(12);
    expect(suggestSubjects({ title: '让家政业成为爱心工程', text: argued }, topics, 0.3).map((x) => [x.path, x.phrases])).toEqual([['科目/申论·策论', ['议论']]]);
    expect(suggestSubjects({ title: '让家政业成为爱心工程', text: argued }, topics, 0.05)).toEqual([]); // about no theme
    const told = '家政服务公司昨日开业，店内有二十名员工，提供保洁与育儿服务，价格每小时五十元，电话预约。'.repeat(12);
    expect(suggestSubjects({ title: '家政公司开业', text: told }, topics, 0.3)).toEqual([]); // reports, does not argue
    expect(suggestSubjects({ title: '大话四川 论坛', text: '楼主说得对' }, topics)).toEqual([]); // a forum is no 人民论坛
  });
});
