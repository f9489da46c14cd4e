import type { Settings } from '../../../shared/contract/settings';
import type { ProposalDetail } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { html, lines, page } from './html';
import {
  assignmentText,
  committeeName,
  closingText,
  dateCn,
  eventsOf,
  feedbackText,
  people,
  repliesText,
  reviewText,
  satisfactionBoxes,
  TABLE_CSS,
} from './proposal-common';

const CSS = `${TABLE_CSS}
h1 { margin-bottom: 2mm; }
.sub { text-align: center; font-size: 11pt; margin-bottom: 4mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; font-size: 10pt; }
.grid td.block { white-space: normal; }
.grid td { overflow-wrap: anywhere; }
.reply + .reply { margin-top: 2mm; padding-top: 2mm; border-top: 0.2mm dashed #888; }
.foot { margin-top: 3mm; font-size: 8.5pt; color: #333; }
tr { break-inside: avoid; }
`;

/**
 * 提案表 of one proposal (DOMAIN.md §3.2, §3.6): the proposer's sheet with the review, the assignment, every
 * reply and the proposer's verdict, with lines for the signatures the archive copy needs.
 */
export function proposalSheetHtml(p: ProposalDetail, s: Settings, printedAt: Date): string {
  const kind = p.kind === 'opinion' ? '意见建议表' : '提案表';
  const feedbackEvents = eventsOf(p, 'feedback');
  const body = html`
<h1>${kind}</h1>
<div class="sub">${s.unitName}${p.sessionTitle}</div>
<div class="meta"><span>编号：${p.number}</span><span>类别：${p.category ?? ''}</span><span>提交日期：${dateCn(p.submittedDate)}</span></div>
<table class="grid" style="table-layout: fixed">
  <colgroup><col style="width:26mm"><col><col style="width:24mm"><col><col style="width:24mm"><col style="width:34mm"></colgroup>
  <tr><td class="l">案　　由</td><td colspan="5"><b>${p.title}</b></td></tr>
  <tr><td class="l">提 案 人</td><td>${p.proposer.name}</td><td class="l">代 表 团</td><td>${p.proposer.delegation}</td>
      <td class="l">联系电话</td><td>${p.contactPhone}</td></tr>
  <tr><td class="l">附 议 人</td><td colspan="5">${people(p)}</td></tr>
  <tr><td class="l">理由或依据</td><td colspan="5" class="block">${lines(p.reasons)}</td></tr>
  <tr><td class="l">办法和建议</td><td colspan="5" class="block">${lines(p.suggestions)}</td></tr>
  <tr><td class="l">建议承办<br>部　　门</td><td colspan="5">${p.suggestedUnit?.name}</td></tr>
  ${
    p.mergedFrom.length
      ? html`<tr><td class="l">并入本案</td><td colspan="5">${p.mergedFrom.map((m, i) => html`${i ? html`<br>` : ''}${m.number}「${m.title}」（${m.proposerName}）`)}</td></tr>`
      : ''
  }
  <tr><td class="l">审查意见</td><td colspan="5">${reviewText(p)}
      <div class="sign">提案工作委员会（盖章）　　　　年　　月　　日</div></td></tr>
  <tr><td class="l">交　　办</td><td colspan="5">${assignmentText(p)}</td></tr>
  <tr><td class="l">答复意见</td><td colspan="5" class="block">${repliesText(p)}
      <div class="sign">承办部门负责人（签字）：　　　　　　　　年　　月　　日</div></td></tr>
  <tr><td class="l">提案人对<br>答复意见</td><td colspan="5">${satisfactionBoxes(p.feedback)}${feedbackEvents.length ? feedbackText(p) : html`<div style="height:12mm"></div>`}
      <div class="sign">提案人（签字）：　　　　　　　　年　　月　　日</div></td></tr>
  ${closingText(p).value ? html`<tr><td class="l">办理结果</td><td colspan="5">${closingText(p)}</td></tr>` : ''}
</table>
<div class="foot">${committeeName(s)}　打印日期 ${todayIso(printedAt)}${s.operator ? html`　经办：${s.operator}` : ''}</div>`;
  return page(body, { title: `${kind} ${p.number}`, css: CSS, marginMm: 15 });
}
