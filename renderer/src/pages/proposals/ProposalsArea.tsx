import { Segmented } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ProposalDetailPage } from './ProposalDetailPage';
import { ProposalFormPage } from './ProposalFormPage';
import { ProposalImportPage } from './import/ProposalImportPage';
import { ProposalListPage } from './ProposalListPage';
import { ProposalSettingsPage } from './ProposalSettingsPage';
import { SessionsPage } from './SessionsPage';
import { StatsPage } from './StatsPage';
import { UnitsPage } from './UnitsPage';

const TABS = [
  { value: '', label: '提案登记簿' },
  { value: 'sessions', label: '届次与代表' },
  { value: 'units', label: '承办部门' },
  { value: 'stats', label: '统计' },
  { value: 'settings', label: '类别与编号' },
] as const;

/** Switches between the register and the lists it depends on; a proposal's own pages have their own header. */
function AreaTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.split('/')[2] ?? '';
  const current = TABS.find((t) => t.value === sub)?.value ?? '';
  // The chosen session travels with the clerk from tab to tab.
  const session = new URLSearchParams(location.search).get('session');
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={current}
      data-testid="proposal-tabs"
      onChange={(v) => void navigate(`/proposals${v ? `/${v}` : ''}${session ? `?session=${session}` : ''}`)}
      options={TABS.map((t) => ({ value: t.value, label: t.label }))}
    />
  );
}

const withTabs = (page: React.ReactNode) => (
  <>
    <AreaTabs />
    {page}
  </>
);

/** 提案工作: /proposals (登记簿), /proposals/sessions, /units, /stats, /settings, /new, /import, /:id, /:id/edit. */
export function ProposalsArea() {
  return (
    <Routes>
      <Route index element={withTabs(<ProposalListPage />)} />
      <Route path="sessions" element={withTabs(<SessionsPage />)} />
      <Route path="units" element={withTabs(<UnitsPage />)} />
      <Route path="stats" element={withTabs(<StatsPage />)} />
      <Route path="settings" element={withTabs(<ProposalSettingsPage />)} />
      <Route path="new" element={<ProposalFormPage />} />
      <Route path="import" element={<ProposalImportPage />} />
      <Route path=":id" element={<ProposalDetailPage />} />
      <Route path=":id/edit" element={<ProposalFormPage />} />
    </Routes>
  );
}
