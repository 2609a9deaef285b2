/**
 * `npm run sample-pdf`: prints the sample library's PDF (resources/sample/遴选备考要点.pdf) from
 * the HTML below with headless Chromium, so that it has a real text layer and an outline. The text
 * is written for Yandu (CC0, see resources/sample/LICENSE.md).
 *
 * @example
 * npx tsx build/make-sample-pdf.ts
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/support/chromium';

const SECTIONS: [string, string[]][] = [
  ['一、遴选考试是什么', ['公务员遴选是从下级机关公务员中择优选拔任职的方式，重点考察干部的政治素质、理论功底、综合分析和文字表达能力。', '遴选笔试通常包括案例分析、公文写作和申论（策论）等题型，面试则重在考察岗位匹配度和解决实际问题的能力。']],
  ['二、案例分析怎么答', ['案例分析题给出一个工作情境，要求分析问题成因并提出对策。作答时要紧扣材料，找准问题，成因分析要有层次，对策要具体可行。', '常见的答题结构是：概括问题、分析原因、提出对策。对策要对应原因，做到“对症下药”，避免空泛表态。']],
  ['三、公文写作怎么练', ['公文写作重在格式规范和表达准确。请示要一文一事，报告不得夹带请示事项，通知要写清楚事项、要求和时限。', '平时练习可以从改写材料入手：把一段材料改写成调研报告、讲话稿或工作总结，体会不同文种的语气和结构。']],
  ['四、申论积累什么', ['申论写作需要积累“金句”和规范“提法”。阅读人民日报评论时，可以把精彩的论述标注下来，按专题整理，例如基层减负、数字政府、乡村振兴、生态文明。', '积累的关键在于理解和运用：弄清一句话的背景和逻辑，写作时结合材料自然引用，而不是简单堆砌。']],
  ['五、用研读备考', ['把下载的文章和 PDF 放进研读，可以离线全文搜索、在阅读中标注金句、按专题整理，并导出为金句本打印复习。', '建议每天固定时间阅读两到三篇评论，每篇标注三到五处，周末按专题回顾一次。']],
];

const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>遴选备考要点（示例）</title>
<style>body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:15pt;line-height:1.9;margin:0 18mm}h1{font-size:24pt;text-align:center;margin:40mm 0 10mm}h2{font-size:17pt;margin-top:12mm;break-before:page}p{text-indent:2em;margin:0 0 4mm}.note{text-align:center;color:#666;font-size:11pt}</style></head>
<body><h1>遴选备考要点（示例）</h1><p class="note">研读示例资料 · CC0 · 可随时从资料库中移除</p>
${SECTIONS.map(([h, ps]) => `<h2>${h}</h2>${ps.map((p) => `<p>${p}</p>`).join('')}`).join('')}</body></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.setContent(html);
  const out = join(import.meta.dirname, '..', 'resources', 'sample', '04-遴选备考要点.pdf');
  await page.pdf({ path: out, format: 'A4', printBackground: false, outline: true, tagged: true, margin: { top: '20mm', bottom: '20mm' } });
  console.log(out);
} finally {
  await browser.close();
}
