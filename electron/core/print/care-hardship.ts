import { html, page, type SafeHtml } from './html';

/** 困难职工档案表 as printed: every value already worded and masked by the caller. */
export interface HardshipFormDoc {
  unionName: string;
  fileNo: string;
  filedOn: string;
  /** Label/value pairs, four per line (label, value, label, value …) as on the paper form. */
  person: [string, string][];
  household: [string, string][];
  reasons: { category: string; main: string; secondary: string };
  bank: [string, string][];
  family: string[][];
  aid: string[][];
  aidTotal: string;
  attachments: string;
  signers: { filedBy: string; filedOn: string; auditedBy: string; auditedOn: string };
  printedOn: string;
}

const CSS = `
h1 { font-size: 18pt; margin-bottom: 2mm; }
.head { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 2mm; }
table.f { table-layout: fixed; width: calc(100% - 0.5mm); margin-bottom: -0.25mm; }
.f th, .f td { border: 0.25mm solid #000; padding: 0.8mm 1.2mm; font-size: 9pt; vertical-align: middle; word-break: break-all; height: 6.6mm; }
.f th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f2f2f2; text-align: center; }
.f td.sec { writing-mode: vertical-rl; text-align: center; letter-spacing: 2pt; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; background: #f2f2f2; }
.f tr { break-inside: avoid; }
.f td.op { height: 19mm; vertical-align: top; }
.f td.op .sig { display: flex; justify-content: flex-end; gap: 14mm; margin-top: 10mm; }
.foot { margin-top: 3mm; font-size: 9pt; display: flex; justify-content: space-between; }
@media screen { body { padding: 12mm; } }
`;

/** Pairs laid out four cells a line; an odd pair stretches over the rest of its line. */
function grid(section: string, pairs: [string, string][]): SafeHtml {
  const lines: [string, string][][] = [];
  for (let i = 0; i < pairs.length; i += 2) lines.push(pairs.slice(i, i + 2));
  return html`${lines.map(
    (l, i) =>
      html`<tr>${i === 0 ? html`<td class="sec" rowspan="${lines.length}">${section}</td>` : ''}${l.map(([k, v], j) =>
        l.length === 1 && j === 0 ? html`<th>${k}</th><td colspan="3">${v}</td>` : html`<th>${k}</th><td>${v}</td>`,
      )}</tr>`,
  )}`;
}

/** `widths` in mm, 0 for the column that takes the rest. */
function table(section: string, headers: string[], widths: number[], rows: string[][], minRows: number): SafeHtml {
  const filled = [...rows];
  while (filled.length < minRows) filled.push(headers.map(() => ''));
  return html`<table class="f"><colgroup><col style="width:8mm">${widths.map((w) => (w ? html`<col style="width:${w}mm">` : html`<col>`))}</colgroup>
<tr><td class="sec" rowspan="${filled.length + 1}">${section}</td>${headers.map((h) => html`<th>${h}</th>`)}</tr>
${filled.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</table>`;
}

/** 困难职工档案表 (全总 form): person, household economics, 致困原因, bank, family table, 帮扶记录, opinions and signers. A4. */
export function hardshipFormHtml(d: HardshipFormDoc): string {
  const body = html`<h1>困难职工档案表</h1>
<div class="head"><span>填报单位（盖章）：${d.unionName}</span><span>档案编号：${d.fileNo}</span><span>建档日期：${d.filedOn}</span></div>
<table class="f"><colgroup><col style="width:8mm"><col style="width:24mm"><col><col style="width:24mm"><col></colgroup>
${grid('基本情况', d.person)}
${grid('家庭经济', d.household)}
<tr><td class="sec" rowspan="2">致困</td><th>困难类别</th><td>${d.reasons.category}</td><th>主要致困原因</th><td>${d.reasons.main}</td></tr>
<tr><th>次要致困原因</th><td colspan="3">${d.reasons.secondary}</td></tr>
${grid('银行', d.bank)}
</table>
${table('家庭成员', ['姓名', '关系', '性别', '身份证号', '出生日期', '健康状况', '月收入（元）', '身份', '医保状况', '单位或学校'], [15, 11, 8, 35, 20, 14, 14, 14, 20, 0], d.family, 3)}
${table('帮扶记录', ['日期', '帮扶类型', '金额（元）', '资金来源', '备注'], [24, 28, 24, 40, 0], d.aid, 2)}
<table class="f"><colgroup><col style="width:8mm"><col style="width:24mm"><col></colgroup>
<tr><td class="sec" rowspan="4">附件与意见</td><th>帮扶合计</th><td>${d.aidTotal}</td></tr>
<tr><th>证明材料</th><td>${d.attachments}</td></tr>
<tr><th>基层工会意见</th><td class="op"><div class="sig"><span>负责人签字（盖章）：</span><span>年　　月　　日</span></div></td></tr>
<tr><th>上级工会意见</th><td class="op"><div class="sig"><span>负责人签字（盖章）：</span><span>年　　月　　日</span></div></td></tr>
</table>
<div class="foot"><span>建档人：${d.signers.filedBy}　${d.signers.filedOn}</span><span>审核人：${d.signers.auditedBy}　${d.signers.auditedOn}</span><span>打印日期：${d.printedOn}</span></div>`;
  return page(body, { title: '困难职工档案表', css: CSS, marginMm: 12 });
}
