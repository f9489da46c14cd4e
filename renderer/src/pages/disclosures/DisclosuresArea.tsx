import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { CataloguePage } from './CataloguePage';
import { DisclosureDetailPage } from './DisclosureDetailPage';
import { lastListAddress } from './disclosure-filter';
import { DisclosureFormPage } from './DisclosureFormPage';
import { DisclosureListPage } from './DisclosureListPage';
import { DisclosureSettingsPage } from './DisclosureSettingsPage';
import { OpinionsPage } from './OpinionsPage';

type Tab = 'list' | 'opinions' | 'catalogue' | 'settings';

function AreaTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.split('/')[2] ?? '';
  const current: Tab = sub === 'opinions' || sub === 'catalogue' || sub === 'settings' ? sub : 'list';
  return (
    <Segmented<Tab>
      aria-label="公开工作"
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(t) => void navigate(t === 'list' ? lastListAddress() : `/disclosure/${t}`)}
      options={[
        { value: 'list', label: '公开事项' },
        { value: 'opinions', label: '意见反馈' },
        { value: 'catalogue', label: '公开目录' },
        { value: 'settings', label: '设置' },
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

/**
 * 校务公开 / 院务公开 / 厂务公开: /disclosure (事项), /disclosure/new, /disclosure/:id, /disclosure/:id/edit,
 * /disclosure/opinions, /disclosure/catalogue, /disclosure/settings.
 */
export function DisclosuresArea() {
  return (
    <Routes>
      <Route index element={tabbed(<DisclosureListPage />)} />
      <Route path="opinions" element={tabbed(<OpinionsPage />)} />
      <Route path="catalogue" element={tabbed(<CataloguePage />)} />
      <Route path="settings" element={tabbed(<DisclosureSettingsPage />)} />
      <Route path="new" element={<DisclosureFormPage />} />
      <Route path=":id" element={<DisclosureDetailPage />} />
      <Route path=":id/edit" element={<DisclosureFormPage />} />
    </Routes>
  );
}
