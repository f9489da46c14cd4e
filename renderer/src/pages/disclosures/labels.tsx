import { Tag } from 'antd';
import {
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TIMING_LABELS,
  OPINION_STATUS_LABELS,
  type DisclosureScope,
  type DisclosureTiming,
  type OpinionStatus,
} from '../../../../shared/domain/disclosure-labels';

/** One colour per opinion status, the same in every list, on the detail page and on 首页. */
export const OPINION_STATUS_COLORS: Record<OpinionStatus, string> = {
  pending: 'orange',
  in_progress: 'blue',
  replied: 'green',
  archived: 'default',
};

export function OpinionStatusTag({ status }: { status: OpinionStatus }) {
  return (
    <Tag color={OPINION_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="opinion-status">
      {OPINION_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 答复期限 with the lateness spelled out when an open opinion is past it. */
export function DueDate({ dueOn, overdue, daysLate }: { dueOn: string; overdue: boolean; daysLate: number }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {dueOn}
      {overdue && (
        <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="overdue-tag">
          逾期 {daysLate} 天
        </Tag>
      )}
    </span>
  );
}

export const scopeLabel = (s: DisclosureScope) => DISCLOSURE_SCOPE_LABELS[s];
export const timingLabel = (t: DisclosureTiming) => DISCLOSURE_TIMING_LABELS[t];
