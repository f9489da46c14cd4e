import type { MemberDetail } from '../../../shared/contract/members';
import { todayIso } from '../../../shared/domain/dates';
import type { Settings } from '../../../shared/contract/settings';
import { MEMBER_EVENT_LABELS, MEMBER_STATUS_LABELS } from '../../../shared/domain/member-lifecycle';
import { ID_TYPE_LABELS } from '../../../shared/domain/member-labels';
import { html, lines, page } from './html';

const CSS = `
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; font-size: 10pt; }
.form td { border: 0.3mm solid #000; padding: 1.6mm 1.8mm; height: 10mm; vertical-align: middle; }
.form td.l { width: 22mm; text-align: center; font-weight: bold; white-space: nowrap; }
.form td.photo { width: 30mm; text-align: center; color: #666; }
.form td.block { height: auto; min-height: 22mm; vertical-align: top; }
.sub td, .sub th { border: 0.2mm solid #000; padding: 1mm 1.5mm; font-size: 9.5pt; height: 7mm; }
.sub th { font-weight: bold; }
.sign { height: 30mm !important; vertical-align: bottom !important; text-align: right; }
.events { margin-top: 5mm; }
.events th, .events td { border: 0.2mm solid #000; padding: 1mm 1.5mm; font-size: 9pt; }
.events caption { text-align: left; font-weight: bold; margin-bottom: 1.5mm; }
.foot { margin-top: 3mm; font-size: 8.5pt; color: #333; }
`;

const dateCn = (iso: string | null | undefined) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/**
 * 工会会员登记表 laid out like the paper form (DOMAIN.md §1.2), one A4 page per member, history on page 2 if long.
 * 工作单位 is the employer (the member's own field, else the unit from 设置), never the department (理化生组):
 * the department has its own cell.
 */
export function memberRegistrationHtml(m: MemberDetail, s: Settings, printedAt: Date): string {
  const idLabel = m.idType === 'resident' ? '身份证' : ID_TYPE_LABELS[m.idType];
  const family = [...m.familyMembers, ...Array.from({ length: Math.max(0, 4 - m.familyMembers.length) }, () => null)];
  const wage = m.monthlyWage == null ? '' : `${m.monthlyWage.toFixed(2)} 元`;
  const body = html`
<h1>工会会员登记表</h1>
<div class="meta"><span>基层工会：${s.unionName || s.unitName}</span><span>会员证号码 NO. ${m.memberNo}</span></div>
<table class="form">
  <tr><td class="l">姓　　名</td><td>${m.name}</td><td class="l">性　　别</td><td>${m.gender}</td>
      <td class="l">出生日期</td><td>${dateCn(m.birthDate)}</td><td class="photo" rowspan="4">照　片</td></tr>
  <tr><td class="l">民　　族</td><td>${m.ethnicity}</td><td class="l">学　　历</td><td>${[m.education, m.degree].filter(Boolean).join(' / ')}</td>
      <td class="l">籍　　贯</td><td>${m.nativePlace}</td></tr>
  <tr><td class="l">政治面貌</td><td>${m.politicalStatus}</td><td class="l">工　　资</td><td>${wage}</td>
      <td class="l">入会时间</td><td>${dateCn(m.joinDate)}</td></tr>
  <tr><td class="l">${idLabel}号码</td><td colspan="3">${m.idNumber}</td><td class="l">手机号码</td><td>${m.phone}</td></tr>
  <tr><td class="l">工作单位</td><td colspan="3">${m.workUnit || s.unitName}</td>
      <td class="l">部　　门</td><td colspan="2">${m.department}</td></tr>
  <tr><td class="l">工会小组</td><td>${m.group}</td><td class="l">职　　务</td><td>${m.jobTitle}</td>
      <td class="l">职　　称</td><td colspan="2">${m.professionalTitle}</td></tr>
  <tr><td class="l">家庭主要成员<br>及其工作单位</td><td colspan="6" class="block">
    <table class="sub"><tr><th style="width:22%">姓名</th><th style="width:16%">关系</th><th>工作单位</th></tr>
    ${family.map((f) => html`<tr><td>${f?.name}</td><td>${f?.relation}</td><td>${f?.workUnit}</td></tr>`)}
    </table></td></tr>
  <tr><td class="l">个人工作<br>简　　历</td><td colspan="6" class="block" style="height:38mm">${lines(m.workHistory)}</td></tr>
  <tr><td class="l">基层工会<br>组织审批<br>意　　见</td><td colspan="6" class="sign">（盖章）　　　　年　　月　　日</td></tr>
  <tr><td class="l">备　　注</td><td colspan="6" class="block" style="height:18mm">${lines(m.remarks)}</td></tr>
  <tr><td class="l">申请人签名</td><td colspan="3"></td><td class="l">日　　期</td><td colspan="2">　　　年　　月　　日</td></tr>
</table>
${
  m.events.length
    ? html`<table class="events"><caption>会籍变动记录（当前状态：${MEMBER_STATUS_LABELS[m.status]}）</caption>
  <tr><th style="width:18%">日期</th><th style="width:16%">事项</th><th>原因 / 去向</th><th style="width:14%">经办人</th></tr>
  ${m.events.map(
    (e) =>
      html`<tr><td>${e.date}</td><td>${MEMBER_EVENT_LABELS[e.type]}</td><td>${[
        e.reason,
        e.otherUnion,
        e.fromGroup || e.toGroup ? `${e.fromGroup ?? '未分组'} → ${e.toGroup ?? '未分组'}` : null,
        e.remark,
      ]
        .filter(Boolean)
        .join('；')}</td><td>${e.handler}</td></tr>`,
  )}
</table>`
    : ''
}
<div class="foot">${s.unitName} 工会台账打印　${todayIso(printedAt)}${s.operator ? html`　经办：${s.operator}` : ''}</div>`;
  return page(body, { title: `工会会员登记表 ${m.name}`, css: CSS, marginMm: 15 });
}
