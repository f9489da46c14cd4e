import { WarningOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { OpinionRow } from '../../../../shared/contract';
import { DISCLOSURE_NAME } from '../../../../shared/domain/labels';
import { useChannel } from '../../api/use-channel';
import { reportError } from '../../components/error-store';
import { useAppState } from '../../state/app-state';

const SHOWN = 5;

/** 首页: opinions past their 答复期限 and still unanswered; nothing at all when there are none. */
export function OverdueOpinionsCard({ revision }: { revision: number }) {
  const { settings } = useAppState();
  const { data } = useChannel('opinions.list', { overdueOnly: true, limit: SHOWN }, { key: revision, onError: reportError });
  if (!data?.total) return null;
  return (
    <Card
      style={{ marginTop: 16, borderColor: '#ffccc7' }}
      data-testid="overdue-opinions"
      title={
        <span style={{ color: '#cf1322' }}>
          <WarningOutlined /> {DISCLOSURE_NAME[settings.unitType]}：{data.total} 条意见逾期未答复
        </span>
      }
      extra={<Link to="/disclosure/opinions?overdue=1">全部逾期意见</Link>}
    >
      <List<OpinionRow>
        size="small"
        dataSource={data.rows}
        renderItem={(o) => (
          <List.Item>
            <Typography.Text ellipsis style={{ maxWidth: '60%' }}>
              {o.receivedOn} {o.channel}：{o.content}
            </Typography.Text>
            <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>
              答复期限 {o.dueOn}，已逾期 {o.daysLate} 天{o.forwardedTo ? `（${o.forwardedTo}办理中）` : '（待转交）'}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
