import { BookOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { PrintRequest, ProposalStats, Rate } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { saveFile } from '../../api/platform';
import { EChart } from '../../components/charts/EChart';
import { PrintModal } from './PrintModal';
import { SessionSelect } from './SessionSelect';
import { categoryOption, classOption, delegationOption, reviewOption, unitOption } from './stats-charts';
import { useCurrentSession, useSessions } from './use-sessions';

const pct = (r: Rate) => (r.percent === null ? '—' : `${r.percent.toFixed(1)}%`);

function Figure({ title, value, hint, testId, danger }: { title: string; value: string | number; hint?: string; testId: string; danger?: boolean }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value} data-testid={testId} styles={danger ? { content: { color: '#cf1322' } } : undefined} />
        {hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
      </Card>
    </Col>
  );
}

/** 统计: the §3.5 figures of one session, charts of each breakdown, the Excel export and the printed report. */
export function StatsPage() {
  const { message } = App.useApp();
  const { sessions, loaded } = useSessions();
  const { current, choose } = useCurrentSession(sessions);
  const [st, setSt] = useState<ProposalStats | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [print, setPrint] = useState<PrintRequest | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!current) return;
    let live = true;
    api
      .call('proposals.stats', { sessionId: current.id })
      .then((s) => live && setSt(s))
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [current]);

  const charts = useMemo(
    () => (st ? { review: reviewOption(st), classes: classOption(st), category: categoryOption(st), unit: unitOption(st), delegation: delegationOption(st) } : null),
    [st],
  );

  const exportXlsx = async () => {
    if (!current) return;
    setExporting(true);
    try {
      const ref = await api.call('proposals.statsXlsx', { sessionId: current.id });
      if (await saveFile(ref)) message.success(api.transport === 'ipc' ? '已导出' : `已导出：${ref.fileName}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  if (loaded && !sessions.length) return <Empty description="还没有届次，没有可统计的提案。" />;
  return (
    <div data-testid="proposal-stats">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 16 }}>
        <SessionSelect sessions={sessions} value={current?.id ?? null} onChange={choose} width={200} />
        <div style={{ flex: 1 }} />
        <Space wrap>
          <Button icon={<FileExcelOutlined />} loading={exporting} disabled={!st} onClick={() => void exportXlsx()}>
            导出 Excel
          </Button>
          <Button icon={<BookOutlined />} disabled={!current} onClick={() => current && setPrint({ form: 'compilation', sessionId: current.id })}>
            打印提案汇编
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!current} onClick={() => current && setPrint({ form: 'report', sessionId: current.id })}>
            打印办理情况统计表
          </Button>
        </Space>
      </div>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {st && charts && (
        <>
          <Row gutter={[12, 12]}>
            <Figure title="收到提案" value={st.received} hint={`另有意见建议 ${st.opinions.registered + st.opinions.converted} 件`} testId="stat-received" />
            <Figure title="立案率" value={pct(st.filingRate)} hint={`立案 ${st.filed} ÷ 收到 ${st.received}`} testId="stat-filing-rate" />
            <Figure title="办复率" value={pct(st.replyRate)} hint={`已答复 ${st.replied} ÷ 立案 ${st.filed}`} testId="stat-reply-rate" />
            <Figure title="满意率" value={pct(st.satisfactionRate)} hint={`满意和基本满意 ${st.satisfied + st.basicallySatisfied} ÷ 反馈 ${st.feedback}`} testId="stat-satisfaction-rate" />
            <Figure title="解决率（A+B）" value={pct(st.solvedRate)} hint={`以已答复 ${st.replied} 件为基数`} testId="stat-solved-rate" />
            <Figure title="逾期未答复" value={st.overdue} hint={`已办结 ${st.closed} 件`} testId="stat-overdue" danger={st.overdue > 0} />
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title="审查结果">
                <EChart option={charts.review} height={240} label="收到提案的审查结果" testId="chart-review" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="答复类别（主办部门答复）">
                {st.replied ? <EChart option={charts.classes} height={240} label="答复类别" testId="chart-classes" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有答复" />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="按类别">
                {st.byCategory.length ? (
                  <EChart option={charts.category} height={Math.max(200, st.byCategory.length * 44 + 40)} label="各类别收到和立案的提案" testId="chart-category" />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="按承办部门">
                {st.byUnit.length ? (
                  <EChart option={charts.unit} height={Math.max(200, st.byUnit.length * 40 + 40)} label="各承办部门主办、协办和答复" testId="chart-unit" />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有交办" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="按代表团">
                <EChart option={charts.delegation} height={240} label="各代表团提出和立案的提案" testId="chart-delegation" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="承办部门明细">
                <Table
                  size="small"
                  rowKey="unitId"
                  pagination={false}
                  dataSource={st.byUnit}
                  locale={{ emptyText: '还没有交办' }}
                  columns={[
                    { title: '部门', dataIndex: 'name' },
                    { title: '主办', dataIndex: 'lead', align: 'right' },
                    { title: '协办', dataIndex: 'co', align: 'right' },
                    { title: '已答复', dataIndex: 'replied', align: 'right' },
                    { title: 'A/B/C', key: 'abc', render: (_v, u) => `${u.a}/${u.b}/${u.c}` },
                    { title: '逾期', dataIndex: 'overdue', align: 'right' },
                    { title: '满意率', key: 'sat', align: 'right', render: (_v, u) => pct(u.satisfactionRate) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <PrintModal request={print} onClose={() => setPrint(null)} />
    </div>
  );
}
