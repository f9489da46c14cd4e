import { Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import { api } from '../../api';
import { reportError } from '../../components/error-store';
import { formatDateTime } from '../../format';
import { useAppState } from '../../state/app-state';
import { describeAudit } from './audit-text';

/** 最近修改: the last few audit entries, so the clerk can see what was changed and by whom. */
export function AuditCard() {
  const { revision } = useAppState();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('audit.list', { limit: 8 })
      .then((list) => live && setEntries(list))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [revision]);

  return (
    <Card title="最近修改">
      <List
        size="small"
        loading={entries === null}
        dataSource={entries ?? []}
        locale={{ emptyText: '还没有修改记录' }}
        data-testid="audit-list"
        renderItem={(e) => (
          <List.Item>
            <Typography.Text>{describeAudit(e)}</Typography.Text>
            <Typography.Text type="secondary">
              {e.actor} · {formatDateTime(e.at)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
