import { Empty } from 'antd';
import type { MemberEvent } from '../../../../shared/contract';
import { MEMBER_EVENT_LABELS, type MemberEventType } from '../../../../shared/domain/member-lifecycle';
import { EventTimeline, TimelineLine } from '../../components/detail/EventTimeline';

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
    <EventTimeline
      events={events}
      testId="member-timeline"
      color={(e) => COLORS[e.type]}
      label={(e) => MEMBER_EVENT_LABELS[e.type]}
      details={(e) => (
        <>
          <TimelineLine label="原因">{e.reason}</TimelineLine>
          <TimelineLine label={otherUnionLabel(e)}>{e.otherUnion}</TimelineLine>
          {e.type === 'group_move' && <TimelineLine label="小组调整">{`${e.fromGroup ?? '（未分组）'} → ${e.toGroup ?? '（未分组）'}`}</TimelineLine>}
          <TimelineLine label="经办人">{e.handler}</TimelineLine>
          <TimelineLine label="备注">{e.remark}</TimelineLine>
        </>
      )}
    />
  );
}
