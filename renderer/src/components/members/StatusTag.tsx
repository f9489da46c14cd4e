import { Tag } from 'antd';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '../../../../shared/domain/member-lifecycle';

/** One colour per status, the same in lists, the detail page and the structure page. */
export const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  retained: 'gold',
  transferred_out: 'blue',
  left: 'default',
  expelled: 'red',
  deceased: 'purple',
};

export function StatusTag({ status }: { status: MemberStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="member-status" style={{ marginInlineEnd: 0 }}>
      {MEMBER_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Flags a record needs attention for, shown next to the name. */
export function MemberFlags({ flags }: { flags: readonly ('noId' | 'idUnchecked')[] }) {
  return (
    <>
      {flags.includes('noId') && (
        <Tag color="warning" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          无证件号
        </Tag>
      )}
      {flags.includes('idUnchecked') && (
        <Tag color="warning" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          证件号未校验
        </Tag>
      )}
    </>
  );
}
