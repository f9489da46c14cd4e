import type { ProposalStats } from '../../../../shared/contract';
import type { ReplyClass } from '../../../../shared/domain/proposal-workflow';
import type { ChartOption } from '../../components/charts/EChart';

const RED = '#c62f2f';
const BLUE = '#3b7dd8';
const GREY = '#b8b8b8';
const label = { show: true, position: 'right' as const };
/** Axis-length names of the classes; the tooltip and the tables carry the full wording. */
const SHORT_CLASS: Record<ReplyClass, string> = { A: '已解决', B: '列入计划', C: '留作参考' };

/** 审查结果: what became of everything received. */
export function reviewOption(st: ProposalStats): ChartOption {
  const items = [
    ['立案', st.filed],
    ['并案', st.merged],
    ['转为意见建议', st.converted],
    ['不予立案', st.rejected],
    ['撤案', st.withdrawn],
    ['待审查', st.pending],
  ] as const;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: items.map((i) => i[0]).reverse() },
    series: [{ type: 'bar', name: '件数', data: items.map((i) => i[1]).reverse(), itemStyle: { color: RED }, label, barMaxWidth: 22 }],
  };
}

/** A / B / C classes of the answers. */
export function classOption(st: ProposalStats): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: st.replyClasses.map((c) => `${c.replyClass} 类：${SHORT_CLASS[c.replyClass]}`), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '件数',
        data: st.replyClasses.map((c, i) => ({ value: c.count, itemStyle: { color: ['#389e0d', '#d48806', GREY][i] } })),
        label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => `${st.replyClasses[p.dataIndex]!.count}（${st.replyClasses[p.dataIndex]!.share.percent ?? 0}%）` },
        barMaxWidth: 48,
      },
    ],
  };
}

/** Received and filed per category, largest at the top. */
export function categoryOption(st: ProposalStats): ChartOption {
  const rows = [...st.byCategory].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((c) => c.category), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: '收到', data: rows.map((c) => c.received), itemStyle: { color: GREY }, barMaxWidth: 16 },
      { type: 'bar', name: '立案', data: rows.map((c) => c.filed), itemStyle: { color: RED }, label, barMaxWidth: 16 },
    ],
  };
}

/** Per unit: answered and still open (主办), and assisting (协办). */
export function unitOption(st: ProposalStats): ChartOption {
  const rows = [...st.byUnit].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((u) => u.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: '主办已答复', stack: 'lead', data: rows.map((u) => Math.min(u.replied, u.lead)), itemStyle: { color: '#389e0d' }, barMaxWidth: 18 },
      { type: 'bar', name: '主办未答复', stack: 'lead', data: rows.map((u) => Math.max(0, u.lead - u.replied)), itemStyle: { color: RED }, barMaxWidth: 18 },
      { type: 'bar', name: '协办', data: rows.map((u) => u.co), itemStyle: { color: BLUE }, barMaxWidth: 18 },
    ],
  };
}

/** Proposals per 代表团. */
export function delegationOption(st: ProposalStats): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: st.byDelegation.map((d) => d.delegation), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: '提出', data: st.byDelegation.map((d) => d.received), itemStyle: { color: GREY }, barMaxWidth: 28 },
      { type: 'bar', name: '立案', data: st.byDelegation.map((d) => d.filed), itemStyle: { color: RED }, barMaxWidth: 28 },
    ],
  };
}
