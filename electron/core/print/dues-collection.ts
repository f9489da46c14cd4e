import { html, pageParts, type SafeHtml } from './html';

export interface CollectionLine {
  seq: number;
  name: string;
  wage: string;
  base: string;
  months: number;
  due: string;
  paid: string;
  paidOn: string;
  mark: string;
}

export interface CollectionGroup {
  name: string;
  /**
   * The group's members, already laid out by collectionLine, one entry a line or a chunk of lines: at 100,000
   * members they are laid out a chunk at a time between turns of the event loop (dues.collection.ts).
   */
  lines: SafeHtml[];
  /** Members left out of a preview (it shows the first ones; the PDF has every member). */
  omitted: number;
  due: string;
  dueCapital: string;
  paid: string;
  paidCapital: string;
  unpaidCount: number;
}

export interface CollectionDoc {
  title: string;
  /** 工会 and period: 某某中学工会 and 2026年第三季度. */
  subtitle: string;
  groups: CollectionGroup[];
  /** A preview's note that it shows only the first members; null in the PDF. */
  previewNote: string | null;
  /** The whole period over every group, for the last page. */
  summary: { name: string; members: number; due: string; paid: string; unpaidCount: number }[];
  due: string;
  dueCapital: string;
  paid: string;
  paidCapital: string;
  printedOn: string;
}

const CSS = `
h1 { font-size: 18pt; margin-bottom: 2mm; }
.sub { text-align: center; margin-bottom: 4mm; }
section + section { break-before: page; }
table.p { table-layout: fixed; width: calc(100% - 0.5mm); }
.p th, .p td { border: 0.25mm solid #000; padding: 1.2mm; font-size: 9.5pt; vertical-align: middle; word-break: break-all; }
.p th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f0f0f0; }
.p td.c { text-align: center; } .p td.r { text-align: right; }
.p tr { break-inside: avoid; height: 8.5mm; }
.sign { margin-top: 8mm; display: flex; justify-content: space-between; }
.sign span { min-width: 45mm; }
.note { margin: 0 0 4mm; padding: 2mm; border: 0.25mm dashed #888; color: #555; font-size: 9.5pt; }
@media screen { body { padding: 12mm; } }
`;

const SIGN = html`<div class="sign"><span>收缴人（小组长）签字：</span><span>工会经审委员签字：</span><span>日期：　　年　　月　　日</span></div>`;

/**
 * 会费收缴清单: one A4 page (or more) per 工会小组 — each member with 应缴 and 实缴 and a column to sign, the group's
 * totals in figures and in 大写, and the signature lines of the collector and the auditor — then a summary page of
 * every group with the grand total (the sheet handed in with the money).
 */
export const collectionLine = (l: CollectionLine): SafeHtml =>
  html`<tr><td class="c">${l.seq}</td><td class="c">${l.name}</td><td class="r">${l.wage}</td><td class="r">${l.base}</td><td class="c">${l.months}</td>
        <td class="r">${l.due}</td><td class="r">${l.paid}</td><td class="c">${l.paidOn}</td><td>${l.mark}</td><td></td></tr>`;

export function collectionHtml(doc: CollectionDoc): string {
  return [...collectionHtmlParts(doc)].join('');
}

/**
 * The same document in parts (a group's head, each chunk of its lines, its foot, …), for a PDF port that writes
 * them to its file one at a time: 100,000 lines are ~45 MB of text, never one string on the main process.
 */
export function* collectionHtmlParts(doc: CollectionDoc): Generator<string> {
  const frame = pageParts({ title: doc.title, css: CSS });
  yield frame.head;
  const note = doc.previewNote ? html`<div class="note">${doc.previewNote}</div>` : '';
  for (const [i, g] of doc.groups.entries()) {
    yield html`<section>${i === 0 ? note : ''}<h1>${doc.title}</h1><div class="sub">${doc.subtitle}　工会小组：${g.name}</div>
<table class="p"><colgroup><col style="width:11mm"><col style="width:17mm"><col style="width:19mm"><col style="width:19mm"><col style="width:11mm"><col style="width:17mm"><col style="width:17mm"><col style="width:20mm"><col><col style="width:22mm"></colgroup>
<thead><tr><th>序号</th><th>姓名</th><th>月工资</th><th>计缴基数</th><th>月数</th><th>应缴（元）</th><th>实缴（元）</th><th>缴纳日期</th><th>备注</th><th>本人签字</th></tr></thead>
<tbody>`.value;
    for (const l of g.lines) yield l.value;
    if (g.omitted) yield html`<tr><td class="c" colspan="10">……以下 ${g.omitted.toLocaleString('zh-CN')} 人在预览中从略</td></tr>`.value;
    yield html`
<tr><td class="c" colspan="5">应缴合计（大写：${g.dueCapital}）</td><td class="r">${g.due}</td><td colspan="4"></td></tr>
<tr><td class="c" colspan="5">实缴合计（大写：${g.paidCapital}）</td><td></td><td class="r">${g.paid}</td><td colspan="3">未缴 ${g.unpaidCount} 人</td></tr></tbody></table>
${SIGN}</section>`.value;
  }
  const sum = doc.summary.map(
    (s, i) => html`<tr><td class="c">${i + 1}</td><td>${s.name}</td><td class="c">${s.members}</td><td class="r">${s.due}</td><td class="r">${s.paid}</td><td class="c">${s.unpaidCount}</td><td></td></tr>`,
  );
  yield html`<section><h1>${doc.title}（汇总）</h1><div class="sub">${doc.subtitle}</div>
<table class="p"><colgroup><col style="width:10mm"><col><col style="width:16mm"><col style="width:26mm"><col style="width:26mm"><col style="width:18mm"><col style="width:28mm"></colgroup>
<thead><tr><th>序号</th><th>工会小组</th><th>人数</th><th>应缴（元）</th><th>实缴（元）</th><th>未缴人数</th><th>收缴人签字</th></tr></thead>
<tbody>${sum}
<tr><td class="c" colspan="3">合计</td><td class="r">${doc.due}</td><td class="r">${doc.paid}</td><td colspan="2"></td></tr>
<tr><td colspan="7">应缴合计（大写）：${doc.dueCapital}　　实缴合计（大写）：${doc.paidCapital}</td></tr></tbody></table>
<div class="sign"><span>经办人：</span><span>工会主席：</span><span>打印日期：${doc.printedOn}</span></div></section>`.value;
  yield frame.tail;
}
