import { Card, Col, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { PlanItemRow } from '../../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { reportError } from '../../components/error-store';
import { MediationStatus } from './MediationPage';

function Items({ title, items, testId }: { title: string; items: PlanItemRow[]; testId: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{title}（{items.length} 项）</Typography.Text>
      {items.length ? (
        <List size="small" dataSource={items} renderItem={(i) => (
          <List.Item key={i.id} style={{ padding: '4px 0' }}>
            <span>
              <Tag color={i.status === 'done' ? 'success' : i.status === 'active' ? 'processing' : 'default'}>{i.statusLabel}</Tag>
              {i.overdue && <Tag color="red">逾期未记录</Tag>}
              {i.title}
              <Typography.Text type="secondary">（{i.kindLabel}{i.owner ? `，${i.owner}` : ''}）</Typography.Text>
            </span>
          </List.Item>
        )} />
      ) : (
        <div><Typography.Text type="secondary">没有安排</Typography.Text></div>
      )}
    </div>
  );
}

/** 首页: this month's and next month's plan items, and the mediation cases past their 15 days; nothing when there is neither. */
export function PlansHomeCard({ revision }: { revision: number }) {
  const today = new Date();
  const month = today.getMonth() + 1;
  const next = (month % 12) + 1;
  const { data } = useChannel('plans.home', { year: today.getFullYear(), month }, { key: revision, onError: reportError });
  if (!data || (!data.thisMonth.length && !data.nextMonth.length && !data.overdueMediation.length)) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="plans-home" title="工作计划"
      extra={<Link to="/plans">计划看板{data.overdueItems ? `（逾期未记录 ${data.overdueItems} 项）` : ''}</Link>}>
      <Row gutter={24}>
        <Col xs={24} md={12}><Items title={`本月（${month}月）`} items={data.thisMonth} testId="plans-home-this" /></Col>
        <Col xs={24} md={12}><Items title={`下月（${next}月）`} items={data.nextMonth} testId="plans-home-next" /></Col>
      </Row>
      {data.overdueMediation.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="plans-home-mediation">
          <Typography.Text type="danger" strong>逾期未结案的劳动争议调解 {data.overdueMediation.length} 件</Typography.Text>
          <Link to="/plans/mediation" style={{ marginLeft: 12 }}>去处理</Link>
          <List size="small" dataSource={data.overdueMediation} renderItem={(m) => (
            <List.Item key={m.id} style={{ padding: '4px 0' }}>
              <span>{m.acceptedOn} 受理　{m.applicant} 与 {m.respondent}：{m.matter}　<MediationStatus r={m} /></span>
            </List.Item>
          )} />
        </div>
      )}
    </Card>
  );
}
