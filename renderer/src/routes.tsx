import {
  AuditOutlined,
  FolderOpenOutlined,
  HeartOutlined,
  HistoryOutlined,
  HomeOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { DISCLOSURE_NAME, type UnitType } from '../../shared/domain/labels';
import { ArchivePage } from './pages/archive/ArchivePage';
import { CareArea } from './pages/care/CareArea';
import { DisclosuresArea } from './pages/disclosures/DisclosuresArea';
import { DuesPage } from './pages/dues/DuesPage';
import { HomePage } from './pages/home/HomePage';
import { MembersArea } from './pages/members/MembersArea';
import { PlansArea } from './pages/plans/PlansArea';
import { ProposalsArea } from './pages/proposals/ProposalsArea';
import { AuditLogPage } from './pages/operators/AuditLogPage';
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
    element: () => <CareArea />,
  },
  {
    path: '/dues',
    icon: <WalletOutlined />,
    label: () => '会费',
    element: () => <DuesPage />,
  },
  {
    path: '/plans',
    icon: <ScheduleOutlined />,
    label: () => '工作台账',
    element: () => <PlansArea />,
  },
  {
    path: '/archive',
    icon: <FolderOpenOutlined />,
    label: () => '年度归档',
    element: () => <ArchivePage />,
  },
  { path: '/audit', icon: <HistoryOutlined />, label: () => '修改记录', element: () => <AuditLogPage /> },
  { path: '/settings', icon: <SettingOutlined />, label: () => '设置', element: () => <SettingsPage /> },
];
