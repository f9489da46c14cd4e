import { Alert, Button, Card, Col, Empty, InputNumber, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { YearSummary } from '../../../../shared/contract';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { EChart, type ChartOption } from '../../components/charts/EChart';
import { ListToolbar } from '../../components/list/ListToolbar';
import { useMakeFile } from '../../components/print/use-make-file';

const PLANNED = '#8c8c8c';
const DONE = '#c62f2f';
const money = (fen: number) => (fen / 100).toFixed(2);

function bars(categories: string[], planned: number[], done: number[], horizontal: boolean): ChartOption {
  // A 0 over every empty month is noise; only bars with a value carry their number.
  const label = { show: true, position: horizontal ? ('right' as const) : ('top' as const), formatter: (p: { value?: unknown }) => (p.value ? String(p.value as number) : '') };
  const series = [
    { type: 'bar' as const, name: '计划', data: planned, itemStyle: { color: PLANNED }, barMaxWidth: 22, label },
    { type: 'bar' as const, name: '已完成', data: done, itemStyle: { color: DONE }, barMaxWidth: 22, label },
  ];
  const cat = { type: 'category' as const, data: categories, axisLabel: { interval: 0, hideOverlap: false } };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 36, bottom: 8, containLabel: true },
    ...(horizontal ? { xAxis: val, yAxis: cat } : { xAxis: cat, yAxis: val }),
    series,
  };
}

const monthOption = (s: YearSummary) => bars(s.months.map((m) => `${m.month}月`), s.months.map((m) => m.planned), s.months.map((m) => m.done), false);
function kindOption(s: YearSummary) {
  // First kind at the top: a horizontal bar chart draws its first category at the bottom.
  const ks = [...s.kinds].filter((k) => k.planned || k.done || k.activities).reverse();
  return { option: bars(ks.map((k) => k.label), ks.map((k) => k.planned), ks.map((k) => k.done), true), rows: ks.length };
}

/** 年度总结: the year's facts gathered in one place — planned vs done per month and per kind, and the other modules' counts — and the .docx draft. */
export function SummaryPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const summary = useChannel('plans.summary', { year });
  const files = useMakeFile<'docx'>();
  const s = summary.data;
  const months = useMemo(() => (s ? monthOption(s) : null), [s]);
  const kinds = useMemo(() => (s ? kindOption(s) : null), [s]);
  const planned = s?.months.reduce((n, m) => n + m.planned, 0) ?? 0;
  const done = s?.months.reduce((n, m) => n + m.done, 0) ?? 0;
  const figures: [string, string | number][] = s
    ? [
        ['计划事项', planned],
        ['已完成', `${done}（${planned ? Math.round((done / planned) * 100) : 0}%）`],
        ['活动', `${s.activities} 次`],
        ['参加', `${s.participants} 人次`],
        ['经费', `${money(s.costFen)} 元`],
        ['表彰', `${s.awards} 项`],
        ['关怀慰问', `${s.careVisits} 次`],
        [`劳动争议调解（达成 ${s.mediation.agreed}，未结 ${s.mediation.open}）`, `${s.mediation.total} 件`],
        ['提案', `${s.proposals} 件`],
        ['公开事项', `${s.disclosures} 项`],
      ]
    : [];
  return (
    <div>
      <ListToolbar>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
        <div style={{ flex: 1 }} />
        <Button type="primary" loading={files.making === 'docx'} onClick={() => void files.make('docx', () => api.call('plans.summaryDocx', { year }), 'Word')}>导出工作总结素材（Word）</Button>
      </ListToolbar>
      {(summary.problem || files.problem) && <Alert type="error" showIcon message={summary.problem ?? files.problem} />}
      {s && (
        <>
          <Row gutter={[12, 12]} data-testid="summary-figures">
            {figures.map(([t, v]) => (
              <Col key={t} xs={12} md={8} xl={4}><Card size="small"><Statistic title={t} value={v} /></Card></Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title="每月计划与完成">
                {planned ? months && <EChart option={months} height={300} label={`${year}年每月计划事项与已完成事项数`} testId="chart-summary-months" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这一年没有按月安排的计划事项" />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="各类别计划与完成">
                {kinds?.rows ? <EChart option={kinds.option} height={Math.max(200, kinds.rows * 44 + 60)} label={`${year}年各类别计划事项与已完成事项数`} testId="chart-summary-kinds" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有计划事项或活动" />}
              </Card>
            </Col>
          </Row>
          <Card size="small" title="各类别活动" style={{ marginTop: 16 }}>
            <Table size="small" rowKey="kind" pagination={false} data-testid="summary-kinds" dataSource={s.kinds.filter((k) => k.planned || k.activities)}
              columns={[
                { title: '类别', dataIndex: 'label' },
                { title: '计划事项', dataIndex: 'planned', align: 'right', width: 100 },
                { title: '已完成', dataIndex: 'done', align: 'right', width: 100 },
                { title: '活动次数', dataIndex: 'activities', align: 'right', width: 100 },
                { title: '参加人次', dataIndex: 'participants', align: 'right', width: 100 },
                { title: '经费（元）', dataIndex: 'costFen', align: 'right', width: 120, render: money },
              ]}
              summary={(rows) => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><Typography.Text strong>合计</Typography.Text></Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{rows.reduce((n, r) => n + r.planned, 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{rows.reduce((n, r) => n + r.done, 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{rows.reduce((n, r) => n + r.activities, 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{rows.reduce((n, r) => n + r.participants, 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">{money(rows.reduce((n, r) => n + r.costFen, 0))}</Table.Summary.Cell>
                </Table.Summary.Row>
              )} />
          </Card>
        </>
      )}
    </div>
  );
}
