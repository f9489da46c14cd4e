import { Card, Empty, Typography } from 'antd';

interface Props {
  /** The area's name; the shell already shows it as the page title, so here it only labels the card. */
  title: string;
  /** One honest sentence on what this area will hold; no sample data. */
  description: string;
}

/** An area that is not built yet says so plainly instead of showing invented rows. */
export function EmptyArea({ title, description }: Props) {
  return (
    <Card aria-label={title}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Typography.Text type="secondary" data-testid="empty-area-text">
            {description}
          </Typography.Text>
        }
      />
    </Card>
  );
}
