import { App as AntdApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { HashRouter } from 'react-router';
import { errorMessage } from './api';
import { ErrorBoundary } from './components/ErrorBoundary';
import { MenuBackupProgress } from './components/backup/MenuBackupProgress';
import { SessionGate } from './pages/operators/SessionGate';
import { RecoveryPage } from './pages/recovery/RecoveryPage';
import { AppShell } from './shell/AppShell';
import { AppStateProvider, useAppState } from './state/app-state';

/** Windows' own Chinese UI font first, then macOS and the Noto fonts Linux ships. */
const FONT_FAMILY =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif";

/** Decides what the window shows before any page: still loading, host unreachable, recovery, or the app. */
function Gate() {
  const { info, loadError, reload } = useAppState();
  if (!info && loadError) {
    return (
      <Result
        status="warning"
        title="无法打开工会台账的数据"
        subTitle={errorMessage(loadError)}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!info) {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在打开数据…" />
      </div>
    );
  }
  if (info.status === 'recovery') return <RecoveryPage />;
  return (
    <SessionGate>
      <HashRouter>
        <AppShell />
      </HashRouter>
    </SessionGate>
  );
}

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { fontFamily: FONT_FAMILY, colorPrimary: '#c62f2f', borderRadius: 4 } }}
      componentSize="middle"
      // antd puts a space between two Chinese characters on a button (恢 复); desktop software does not.
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>
        <ErrorBoundary>
          <AppStateProvider>
            <Gate />
            {/* 文件 → 立即备份 in the desktop menu, over whatever page (or the recovery screen) is open. */}
            <MenuBackupProgress />
          </AppStateProvider>
        </ErrorBoundary>
      </AntdApp>
    </ConfigProvider>
  );
}
