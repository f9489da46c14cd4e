import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProposalListRow } from '../../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { reportError } from '../../components/error-store';

const SHOWN = 8;

/** 首页: proposals whose 主办 has not replied by the 办理期限, across sessions; nothing when all is in time. */
export function OverdueProposalsCard({ revision }: { revision: number }) {
  const { data } = useChannel('proposals.list', { overdue: true, limit: SHOWN }, { key: revision, onError: reportError });
  if (!data?.total) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="overdue-proposals"
      title={
        <Typography.Text type="danger">
          逾期未答复的{data.rows.some((r) => r.kind === 'opinion') ? '提案和意见建议' : '提案'} {data.total} 件
        </Typography.Text>
      }
      extra={<Link to="/proposals?overdue=1">全部逾期提案</Link>}
    >
      <Table<ProposalListRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.rows}
        columns={[
          { title: '编号', dataIndex: 'number', width: 190, render: (v: string, r) => <Link to={`/proposals/${r.id}`}>{v}</Link> },
          { title: '案由', dataIndex: 'title', ellipsis: true },
          { title: '主办部门', dataIndex: 'leadUnit', width: 130 },
          { title: '办理期限', dataIndex: 'replyDue', width: 110, render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
