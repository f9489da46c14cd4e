import { Card, Empty, List, Typography } from 'antd';
import { useChannel } from '../../api/use-channel';

/** In a member's file: the activities they took part in and the awards they received (issue #14). */
export function MemberLedgerCard({ memberId }: { memberId: number }) {
  const acts = useChannel('activities.list', { memberId });
  const awards = useChannel('awards.list', { memberId });
  const rows = [
    ...(acts.data?.rows ?? []).map((a) => ({ key: `a${a.id}`, date: a.startDate, text: `${a.name}（${a.kindLabel}）` })),
    ...(awards.data ?? []).map((w) => ({ key: `w${w.id}`, date: w.awardDate, text: `获得「${w.title}」（${[w.levelLabel, w.grantor, w.docNo].filter(Boolean).join('，')}）` })),
  ].sort((x, y) => y.date.localeCompare(x.date));
  return (
    <Card size="small" title="参加活动与表彰" style={{ marginTop: 16 }} data-testid="member-ledger">
      {rows.length ? (
        <List size="small" dataSource={rows} renderItem={(r) => <List.Item key={r.key}><Typography.Text type="secondary" style={{ marginRight: 8 }}>{r.date}</Typography.Text>{r.text}</List.Item>} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无活动或表彰记录" />
      )}
    </Card>
  );
}
