import { Card, Empty, Typography } from 'antd';

interface Props {
  title: string;
  /** One honest sentence on what this area will hold; no sample data. */
  description: string;
}

/** An area that is not built yet says so plainly instead of showing invented rows. */
export function EmptyArea({ title, description }: Props) {
  return (
    <Card>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {title}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="empty-area-text">
              {description}
            </Typography.Text>
          </>
        }
      />
    </Card>
  );
}
