import { Empty, Timeline, Typography } from 'antd';
import type { MemberEvent } from '../../../../shared/contract';
import { MEMBER_EVENT_LABELS, type MemberEventType } from '../../../../shared/domain/member-lifecycle';

const COLORS: Record<MemberEventType, string> = {
  join: 'green',
  transfer_in: 'green',
  restore: 'green',
  retain: 'orange',
  transfer_out: 'blue',
  leave: 'gray',
  expel: 'red',
  death: 'gray',
  group_move: 'gray',
};

/** Where the member went or came from, in the words of the paper form. */
function otherUnionLabel(e: MemberEvent): string {
  return e.type === 'transfer_in' ? '转入自' : e.type === 'transfer_out' ? '转往' : '对方工会';
}

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
    </div>
  );
}

/** 会籍变动记录: the history the status is derived from, oldest first as on the paper form. */
export function MemberTimeline({ events }: { events: MemberEvent[] }) {
  if (!events.length) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="还没有会籍变动记录。没有记录的会员按「在册」计；可用「办理会籍变动」补记入会或转入。"
      />
    );
  }
  return (
    <Timeline
      data-testid="member-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.type],
        content: (
          <div data-testid="timeline-item" data-event-type={e.type}>
            <div>
              <Typography.Text strong>{MEMBER_EVENT_LABELS[e.type]}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {e.date}
              </Typography.Text>
            </div>
            <Line label="原因" value={e.reason} />
            <Line label={otherUnionLabel(e)} value={e.otherUnion} />
            {e.type === 'group_move' && <Line label="小组调整" value={`${e.fromGroup ?? '（未分组）'} → ${e.toGroup ?? '（未分组）'}`} />}
            <Line label="经办人" value={e.handler} />
            <Line label="备注" value={e.remark} />
          </div>
        ),
      }))}
    />
  );
}
