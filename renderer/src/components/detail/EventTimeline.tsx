import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props<E> {
  events: readonly E[];
  /** data-testid of the whole timeline; each entry is `timeline-item` with its type in data-event-type. */
  testId: string;
  color: (e: E) => string;
  label: (e: E) => string;
  /** The lines under the heading, usually <TimelineLine>s. */
  details: (e: E) => ReactNode;
}

/** A record's history, oldest first: each step's name and date, then its details (会籍变动记录, 办理过程). */
export function EventTimeline<E extends { id: number; type: string; date: string }>({ events, testId, color, label, details }: Props<E>) {
  return (
    <Timeline
      data-testid={testId}
      items={events.map((e) => ({
        key: e.id,
        color: color(e),
        content: (
          <div data-testid="timeline-item" data-event-type={e.type}>
            <div>
              <Typography.Text strong>{label(e)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {e.date}
              </Typography.Text>
            </div>
            {details(e)}
          </div>
        ),
      }))}
    />
  );
}

/** One labelled line of a timeline entry; nothing at all when there is nothing to say. */
export function TimelineLine({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ whiteSpace: 'pre-wrap' }}>{children}</span>
    </div>
  );
}
