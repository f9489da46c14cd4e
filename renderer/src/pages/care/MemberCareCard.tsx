import { App, Card, Empty, List, Switch, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';
import { money } from './money';

/** In a member's file: every 慰问 they received, newest first, with the total (issue #13). */
export function MemberCareCard({ memberId }: { memberId: number }) {
  const { message } = App.useApp();
  const list = useChannel('care.list', { memberId });
  const lunar = useChannel('care.lunarGet', { memberId });
  const rows = [...(list.data?.rows ?? [])].reverse();
  const toggle = async (on: boolean) => {
    try {
      lunar.set(await api.call('care.lunarSet', { memberId, lunar: on }));
      message.success(on ? '已改为按农历过生日' : '已改为按阳历过生日');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title="慰问记录"
      style={{ marginTop: 16 }}
      data-testid="member-care"
      extra={list.data?.rows.length ? <Typography.Text type="secondary">{`${list.data.rows.length} 次，合计 ${money(list.data.totalFen)} 元`}</Typography.Text> : null}
    >
      {lunar.data?.label && (
        <div style={{ marginBottom: 8 }}>
          <Switch size="small" aria-label="按农历过生日" checked={lunar.data.lunar} onChange={(on) => void toggle(on)} />{' '}
          <Typography.Text>按农历过生日（{lunar.data.label}）</Typography.Text>
        </div>
      )}
      {rows.length ? (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                {r.visitDate}
              </Typography.Text>
              {r.occasionLabel} {money(r.amountFen)} 元{r.overRule ? <Tag color="orange" style={{ marginLeft: 8 }}>{r.overRule.split('（')[0]}</Tag> : null}
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无慰问记录" />
      )}
    </Card>
  );
}
