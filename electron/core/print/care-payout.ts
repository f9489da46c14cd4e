import { html, page } from './html';

export interface PayoutLine {
  seq: number;
  name: string;
  department: string;
  occasion: string;
  visitDate: string;
  amount: string;
  mark: string;
}

export interface PayoutDoc {
  title: string;
  subtitle: string;
  lines: PayoutLine[];
  total: string;
  totalCapital: string;
  printedOn: string;
}

const CSS = `
h1 { font-size: 18pt; margin-bottom: 2mm; }
.sub { text-align: center; margin-bottom: 4mm; }
table.p { table-layout: fixed; width: calc(100% - 0.5mm); }
.p th, .p td { border: 0.25mm solid #000; padding: 1.5mm; font-size: 10pt; vertical-align: middle; word-break: break-all; }
.p th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f0f0f0; }
.p td.c { text-align: center; } .p td.r { text-align: right; }
.p tr { break-inside: avoid; height: 10mm; }
.foot { margin-top: 6mm; display: flex; justify-content: space-between; }
@media screen { body { padding: 12mm; } }
`;

/** 慰问金发放表: A4, one line per payee with a 领款人签字 column; the total in figures and in 大写. */
export function payoutHtml(doc: PayoutDoc): string {
  const rows = doc.lines.map(
    (l) => html`<tr><td class="c">${l.seq}</td><td class="c">${l.name}</td><td>${l.department}</td><td class="c">${l.occasion}</td>
      <td class="c">${l.visitDate}</td><td class="r">${l.amount}</td><td>${l.mark}</td><td></td></tr>`,
  );
  const body = html`<h1>${doc.title}</h1><div class="sub">${doc.subtitle}</div>
<table class="p"><colgroup><col style="width:10mm"><col style="width:20mm"><col style="width:26mm"><col style="width:24mm"><col style="width:24mm"><col style="width:22mm"><col><col style="width:26mm"></colgroup>
<thead><tr><th>序号</th><th>姓名</th><th>部门</th><th>事由</th><th>慰问日期</th><th>金额（元）</th><th>备注</th><th>领款人签字</th></tr></thead>
<tbody>${rows}<tr><td class="c" colspan="5">合计（大写：${doc.totalCapital}）</td><td class="r">${doc.total}</td><td colspan="2"></td></tr></tbody></table>
<div class="foot"><span>经办人：</span><span>工会主席：</span><span>打印日期：${doc.printedOn}</span></div>`;
  return page(body, { title: doc.title, css: CSS });
}
