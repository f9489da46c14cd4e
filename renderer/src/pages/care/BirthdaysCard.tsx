import { GiftOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { reportError } from '../../components/error-store';

/** 首页: this month's birthdays of serving members; nothing when there are none. */
export function BirthdaysCard({ revision }: { revision: number }) {
  const now = new Date();
  const { data } = useChannel('care.birthdays', { year: now.getFullYear(), month: now.getMonth() + 1 }, { key: revision, onError: reportError });
  if (!data?.length) return null;
  return (
    <Card
      style={{ marginTop: 16 }}
      data-testid="home-birthdays"
      title={
        <span>
          <GiftOutlined /> 本月生日：{data.length} 位会员
        </span>
      }
      extra={<Link to="/care/birthdays">生日名单</Link>}
    >
      <Typography.Text>{data.map((b) => `${b.name}（${Number(b.date.slice(5, 7))}月${Number(b.date.slice(8, 10))}日${b.lunar ? '，农历' : ''}）`).join('、')}</Typography.Text>
    </Card>
  );
}
