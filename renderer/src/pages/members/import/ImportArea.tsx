import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { lastListAddress } from '../list-address';
import { ImportBatchesPage } from './ImportBatchesPage';
import { ImportWizard } from './ImportWizard';

/** /members/import (the wizard) and /members/import/batches (导入记录). */
export function ImportArea() {
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.endsWith('/batches') ? 'batches' : 'wizard';
  return (
    <div>
      <Space style={{ marginBottom: 16 }} size="middle" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(lastListAddress())}>
          返回会员名册
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          花名册导入
        </Typography.Title>
        <Segmented
          value={current}
          onChange={(v) => void navigate(v === 'batches' ? '/members/import/batches' : '/members/import')}
          options={[
            { value: 'wizard', label: '导入花名册' },
            { value: 'batches', label: '导入记录' },
          ]}
        />
      </Space>
      <Routes>
        <Route index element={<ImportWizard />} />
        <Route path="batches" element={<ImportBatchesPage />} />
      </Routes>
    </div>
  );
}
