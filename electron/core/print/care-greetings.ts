import { html, page } from './html';

/** 生日慰问名单 / 逢十生日慰问名单: one line per member with a 领取人签字 column. */
export interface GreetingDoc {
  title: string;
  subtitle: string;
  /** Column headers between 姓名 and 领取人签字, and each line's values for them. */
  headers: string[];
  /** Widths in mm per header, 0 for the ones that share the rest. */
  widths: number[];
  lines: { name: string; values: string[] }[];
  printedOn: string;
}

const CSS = `
h1 { font-size: 18pt; margin-bottom: 2mm; }
.sub { text-align: center; margin-bottom: 4mm; }
table.g { table-layout: fixed; width: calc(100% - 0.5mm); }
.g th, .g td { border: 0.25mm solid #000; padding: 1.5mm; font-size: 10.5pt; vertical-align: middle; word-break: break-all; text-align: center; }
.g th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f0f0f0; }
.g tr { break-inside: avoid; height: 10mm; }
.foot { margin-top: 6mm; display: flex; justify-content: space-between; }
@media screen { body { padding: 12mm; } }
`;

export function greetingHtml(d: GreetingDoc): string {
  const body = html`<h1>${d.title}</h1><div class="sub">${d.subtitle}</div>
<table class="g"><colgroup><col style="width:12mm"><col style="width:24mm">${d.widths.map((w) => (w ? html`<col style="width:${w}mm">` : html`<col>`))}<col style="width:34mm"></colgroup>
<thead><tr><th>序号</th><th>姓名</th>${d.headers.map((h) => html`<th>${h}</th>`)}<th>领取人签字</th></tr></thead>
<tbody>${d.lines.map((l, i) => html`<tr><td>${i + 1}</td><td>${l.name}</td>${l.values.map((v) => html`<td>${v}</td>`)}<td></td></tr>`)}
<tr><td colspan="${d.headers.length + 3}">共 ${d.lines.length} 人</td></tr></tbody></table>
<div class="foot"><span>经办人：</span><span>工会主席：</span><span>打印日期：${d.printedOn}</span></div>`;
  return page(body, { title: d.title, css: CSS });
}
