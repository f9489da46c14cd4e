import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ActivitiesPage } from './ActivitiesPage';
import { AwardsPage } from './AwardsPage';
import { MediationPage } from './MediationPage';
import { PlanBoardPage } from './PlanBoardPage';
import { SummaryPage } from './SummaryPage';

type Tab = 'plan' | 'activities' | 'awards' | 'mediation' | 'summary';
const SUB_TABS: readonly string[] = ['activities', 'awards', 'mediation', 'summary'];

function AreaTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.split('/')[2] ?? '';
  const current: Tab = SUB_TABS.includes(sub) ? (sub as Tab) : 'plan';
  return (
    <Segmented<Tab> aria-label="工作台账" style={{ marginBottom: 16 }} value={current} onChange={(t) => void navigate(t === 'plan' ? '/plans' : `/plans/${t}`)}
      options={[{ value: 'plan', label: '工作计划' }, { value: 'activities', label: '活动台账' }, { value: 'awards', label: '表彰' }, { value: 'mediation', label: '劳动争议调解' }, { value: 'summary', label: '年度总结' }]} />
  );
}

const tabbed = (page: ReactNode) => (<><AreaTabs />{page}</>);

/** 工作台账: /plans (计划看板), /plans/activities, /plans/awards, /plans/mediation, /plans/summary. */
export function PlansArea() {
  return (
    <Routes>
      <Route index element={tabbed(<PlanBoardPage />)} />
      <Route path="activities" element={tabbed(<ActivitiesPage />)} />
      <Route path="awards" element={tabbed(<AwardsPage />)} />
      <Route path="mediation" element={tabbed(<MediationPage />)} />
      <Route path="summary" element={tabbed(<SummaryPage />)} />
    </Routes>
  );
}
