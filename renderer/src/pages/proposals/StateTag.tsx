import { Tag } from 'antd';
import type { ProposalListRow } from '../../../../shared/contract';
import type { ProposalState } from '../../../../shared/domain/proposal-workflow';

/** One colour per state, the same in the list, the detail page and the 首页 list. */
const COLORS: Record<ProposalState, string> = {
  registered: 'default',
  filed: 'blue',
  converted: 'cyan',
  merged: 'purple',
  rejected: 'default',
  withdrawn: 'default',
  assigned: 'processing',
  replied: 'gold',
  feedback: 'orange',
  closed: 'green',
};

export function StateTag({ row }: { row: Pick<ProposalListRow, 'state' | 'stateLabel' | 'overdue'> }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={COLORS[row.state]} data-testid="proposal-state" style={{ marginInlineEnd: row.overdue ? 4 : 0 }}>
        {row.stateLabel}
      </Tag>
      {row.overdue && (
        <Tag color="error" data-testid="proposal-overdue" style={{ marginInlineEnd: 0 }}>
          逾期
        </Tag>
      )}
    </span>
  );
}
