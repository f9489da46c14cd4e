import { Layout, Menu, Typography, theme } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ErrorBanner } from '../components/ErrorBanner';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NAV_AREAS } from '../routes';
import { useAppState } from '../state/app-state';
import { ShellHeader } from './ShellHeader';

const { Sider, Content } = Layout;

/** The desktop frame: navigation on the left, unit names on top, one area at a time below. */
export function AppShell() {
  const { settings } = useAppState();
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  // An area owns the addresses below it too (/members/12 belongs to 会员档案).
  const current =
    NAV_AREAS.find((a) => a.path === location.pathname) ??
    NAV_AREAS.find((a) => a.path !== '/' && location.pathname.startsWith(`${a.path}/`)) ??
    NAV_AREAS[0]!;

  return (
    <Layout style={{ height: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={64} style={{ overflow: 'auto' }}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontSize: 18,
            fontWeight: 600,
            letterSpacing: 2,
          }}
        >
          工会台账
        </div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label="主导航"
          selectedKeys={[current.path]}
          onClick={({ key }) => void navigate(key)}
          items={NAV_AREAS.map((a) => ({ key: a.path, icon: a.icon, label: a.label(settings.unitType) }))}
        />
      </Sider>
      <Layout>
        <ShellHeader />
        <Content style={{ overflow: 'auto', padding: 24, background: token.colorBgLayout }}>
          <ErrorBanner />
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="page-title">
            {current.label(settings.unitType)}
          </Typography.Title>
          <ErrorBoundary resetKey={location.pathname}>
            <Routes>
              {NAV_AREAS.map((a) => (
                <Route key={a.path} path={a.path === '/' ? '/' : `${a.path}/*`} element={a.element(settings.unitType)} />
              ))}
              <Route path="*" element={NAV_AREAS[0]!.element(settings.unitType)} />
            </Routes>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
