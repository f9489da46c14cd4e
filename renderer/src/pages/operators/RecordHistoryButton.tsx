import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useState } from 'react';
import { AuditLogPage } from './AuditLogPage';

/** 「修改记录」 on a record's page (#16): the 修改记录 page itself, fixed to this record, in a side panel. */
export function RecordHistoryButton({ entity, entityId, name }: { entity: 'member' | 'proposal'; entityId: number; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="record-history">
        修改记录
      </Button>
      <Drawer title={`${name} 的修改记录`} size="large" open={open} onClose={() => setOpen(false)} destroyOnHidden>
        {open && <AuditLogPage record={{ entity, entityId: String(entityId) }} title="修改记录" />}
      </Drawer>
    </>
  );
}
