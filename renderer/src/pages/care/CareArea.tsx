import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { BirthdaysPage } from './BirthdaysPage';
import { HardshipFilePage } from './HardshipFilePage';
import { HardshipPage } from './HardshipPage';
import { PayoutPage } from './PayoutPage';
import { VisitsPage } from './VisitsPage';

type Tab = 'visits' | 'payout' | 'hardship' | 'birthdays';

function AreaTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.split('/')[2] ?? '';
  const current: Tab = sub === 'hardship' || sub === 'birthdays' || sub === 'payout' ? sub : 'visits';
  return (
    <Segmented<Tab>
      aria-label="关怀帮扶"
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(t) => void navigate(t === 'visits' ? '/care' : `/care/${t}`)}
      options={[
        { value: 'visits', label: '慰问记录' },
        { value: 'payout', label: '慰问金发放表' },
        { value: 'hardship', label: '困难职工档案' },
        { value: 'birthdays', label: '本月生日' },
      ]}
    />
  );
}

const tabbed = (page: ReactNode) => (
  <>
    <AreaTabs />
    {page}
  </>
);

/** 关怀帮扶: /care (慰问记录), /care/payout, /care/hardship, /care/birthdays. */
export function CareArea() {
  return (
    <Routes>
      <Route index element={tabbed(<VisitsPage />)} />
      <Route path="payout" element={tabbed(<PayoutPage />)} />
      <Route path="hardship" element={tabbed(<HardshipPage />)} />
      <Route path="hardship/:id" element={tabbed(<HardshipFilePage />)} />
      <Route path="birthdays" element={tabbed(<BirthdaysPage />)} />
    </Routes>
  );
}
