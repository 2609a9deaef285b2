import { describe, expect, it } from 'vitest';
import { compileModel, packModel, scoreVector, unpackModel } from './scoring';
import { fitLogistic, rankThemes, themeFeatures, trainRanked } from './ranker';
import { rerank, SHOW_LIKELY, suggest } from './suggest';
import type { SuggestedTopic } from '../../shared/types';

const taxonomy = [
  { path: '民生保障', description: '保障和改善民生。', phrases: ['民生'] },
  { path: '民生保障/教育', description: '办好人民满意的教育。', phrases: ['教育', '学校'] },
  { path: '民生保障/医疗卫生', description: '健康中国。', phrases: ['医疗', '医院'] },
  { path: '社会治理/应急管理', description: '防范化解重大风险，应急救援。', phrases: ['应急', '救援'] },
];
const school = (i: number) => ({ title: `学校课后服务之${i}`, text: `学校延长课后服务，家长接孩子更方便，老师也要减负，教育部门统筹安排第${i}次。`.repeat(3), topics: ['民生保障/教育'] });
const clinic = (i: number) => ({ title: `看病就医更方便之${i}`, text: `医院推行预约诊疗，患者少排队，医生有更多时间问诊，医疗资源下沉基层${i}。`.repeat(3), topics: ['民生保障/医疗卫生'] });
const rescue = (i: number) => ({ title: `疫情中的医院之${i}`, text: `医院应急救援能力接受考验，医生护士奔赴一线，应急物资调度有序，医疗救治与应急管理并重${i}。`.repeat(3), topics: ['民生保障/医疗卫生', '社会治理/应急管理'] });
const labelled = [0, 1, 2, 3, 4, 5].flatMap((i) => [school(i), clinic(i), rescue(i)]);

describe('the ranker', () => {
  it('fits logistic weights that separate what they are shown, the same every time', () => {
    const X = [[0], [0.2], [0.8], [1]];
    const w = fitLogistic(X, [0, 0, 1, 1]);
    expect(w[0]).toBeGreaterThan(0);
    expect(fitLogistic(X, [0, 0, 1, 1])).toEqual(w);
  });

  it('trains with the classifier, survives packing, and finds the second theme of a text', () => {
    const trained = trainRanked(labelled, taxonomy);
    expect(JSON.stringify(trainRanked(labelled, taxonomy))).toBe(JSON.stringify(trained));
    expect(trained.rank!.weights).toHaveLength(trained.rank!.features.length + 1);
    const model = compileModel(trained);
    const packed = unpackModel(JSON.parse(JSON.stringify(packModel(trained))) as ReturnType<typeof packModel>);
    const doc = { title: '医院里的抗疫故事', text: '疫情来袭，医院启动应急预案，医生连夜救援，应急物资送到一线，患者得到救治。'.repeat(3) };
    const chance = rankThemes(model, doc, scoreVector(model, doc), taxonomy)!;
    const again = rankThemes(packed, doc, scoreVector(packed, doc), taxonomy)!;
    for (const [path, p] of chance) expect(again.get(path)).toBeCloseTo(p, 2);
    // Suggestions compute the likelihood straight from the text; training reads the features: the same number.
    const w = trained.rank!.weights;
    for (const [path, x] of themeFeatures(model, doc, scoreVector(model, doc), taxonomy)!) expect(chance.get(path)).toBe(1 / (1 + Math.exp(-x.reduce((a, v, j) => a + w[j]! * v, w[x.length]!))));
    const order = [...chance].sort((a, b) => b[1] - a[1]).map(([p]) => p);
    expect(order.slice(0, 2).sort()).toEqual(['民生保障/医疗卫生', '社会治理/应急管理']);
    // A model without a ranker (an older file) ranks nothing.
    const { rank: _rank, ...plain } = trained;
    const old = compileModel(plain);
    expect(rankThemes(old, doc, scoreVector(old, doc), taxonomy)).toBeUndefined();
  });

  it('does not let a labelled document vote for itself: its cosine with its own column is its pruned length', () => {
    const model = compileModel(trainRanked(labelled, taxonomy));
    const v = scoreVector(model, labelled[4]!);
    expect(v[model.themes.length + 4]).toBeCloseTo(model.exampleNorms[4]!, 3);
    expect(model.exampleNorms[4]).toBeGreaterThan(0.5);
  });

  it('keeps the first place and orders the rest by how likely they are, shown from SHOW_LIKELY', () => {
    const s = (path: string, score: number, shown = false): SuggestedTopic => ({ id: path, name: path, path, score, phrases: [], shown });
    const likely = new Map([['a/x', 0.2], ['b/y', 0.1], ['c/z', 0.6], ['a/w', SHOW_LIKELY]]);
    const out = rerank([s('a/x', 0.5, true), s('b/y', 0.4), s('c/z', 0.2), s('a/w', 0.1)], (x) => likely.get(x.path)!);
    expect(out.map((x) => [x.path, x.score, x.shown])).toEqual([['a/x', 0.5, true], ['c/z', 0.2, true], ['a/w', 0.1, true], ['b/y', 0.4, false]]);
  });

  it('follows a topic list changed in place: a renamed theme is suggested as a fresh copy of the list would have it', () => {
    const model = compileModel(trainRanked(labelled, taxonomy));
    const topics = taxonomy.map((t) => ({ ...t }));
    const doc = { title: '医院里的抗疫故事', text: '疫情来袭，医院启动应急预案，医生连夜救援，应急物资送到一线，患者得到救治。'.repeat(3) };
    const before = suggest(doc, topics, { docs: 0, df: {} }, {}, model);
    expect(before.map((s) => s.path)).toContain('民生保障/医疗卫生');
    topics.find((t) => t.path === '民生保障/医疗卫生')!.path = '民生保障/看病就医';
    const after = suggest(doc, topics, { docs: 0, df: {} }, {}, model);
    expect(after).toEqual(suggest(doc, topics.map((t) => ({ ...t })), { docs: 0, df: {} }, {}, model));
    expect(after.map((s) => s.path)).not.toContain('民生保障/医疗卫生');
  });
});
