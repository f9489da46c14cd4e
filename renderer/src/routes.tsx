import {
  AuditOutlined,
  FolderOpenOutlined,
  HeartOutlined,
  HomeOutlined,
  NotificationOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { DISCLOSURE_NAME, type UnitType } from '../../shared/domain/labels';
import { EmptyArea } from './components/EmptyArea';
import { DisclosuresArea } from './pages/disclosures/DisclosuresArea';
import { HomePage } from './pages/home/HomePage';
import { MembersArea } from './pages/members/MembersArea';
import { ProposalsArea } from './pages/proposals/ProposalsArea';
import { SettingsPage } from './pages/settings/SettingsPage';

export interface NavArea {
  path: string;
  icon: ReactNode;
  /** Labels may depend on the unit type (校务公开 / 院务公开 / 厂务公开). */
  label: (unitType: UnitType) => string;
  element: (unitType: UnitType) => ReactNode;
}

export const NAV_AREAS: NavArea[] = [
  { path: '/', icon: <HomeOutlined />, label: () => '首页', element: () => <HomePage /> },
  {
    path: '/members',
    icon: <TeamOutlined />,
    label: () => '会员档案',
    element: () => <MembersArea />,
  },
  {
    path: '/proposals',
    icon: <AuditOutlined />,
    label: () => '提案工作',
    element: () => <ProposalsArea />,
  },
  {
    path: '/disclosure',
    icon: <NotificationOutlined />,
    label: (t) => DISCLOSURE_NAME[t],
    element: () => <DisclosuresArea />,
  },
  {
    path: '/care',
    icon: <HeartOutlined />,
    label: () => '关怀帮扶',
    element: () => (
      <EmptyArea title="关怀帮扶" description="关怀帮扶：走访慰问、困难职工档案、帮扶记录和生日关怀将在这里。" />
    ),
  },
  {
    path: '/archive',
    icon: <FolderOpenOutlined />,
    label: () => '年度归档',
    element: () => (
      <EmptyArea title="年度归档" description="年度归档：按年度整理归档文件、编制档号、打印归档章和归档文件目录将在这里。" />
    ),
  },
  { path: '/settings', icon: <SettingOutlined />, label: () => '设置', element: () => <SettingsPage /> },
];
