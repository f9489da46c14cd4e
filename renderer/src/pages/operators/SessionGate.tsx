import { Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { RecoveryCodeModal } from './RecoveryCodeModal';

/**
 * Shows the 登录 screen only while login is on and nobody is logged in (#16). The main process enforces every
 * channel itself; this only keeps the clerk from seeing refusals. Polled so the idle lock shows on screen.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const refresh = useCallback(async () => {
    try {
      setSession(await api.call('operators.current', {}));
    } catch {
      // The host is unreachable: the app's own gate shows that.
    }
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void refresh();
    const t = setInterval(() => void refresh(), 30_000);
    return () => clearInterval(t);
  }, [refresh]);
  if (!session) return null;
  if (session.loginEnabled && !session.operator) return <LoginPage onDone={setSession} />;
  return (
    <>
      {children}
      <FirstRunQuestion open={session.askLogin} onDone={() => void refresh()} />
    </>
  );
}

type Step = 'ask' | 'admin' | null;

/**
 * First run (#16): a one-person office says 不需要 once and never sees a login; an office that wants one sets the
 * first 管理员 here and gets the recovery code. Asked only while there are no operators and it was never answered.
 */
function FirstRunQuestion({ open, onDone }: { open: boolean; onDone: () => void }) {
  const [step, setStep] = useState<Step>('ask');
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decline = async () => {
    setBusy(true);
    try {
      await api.call('operators.skipLogin', {});
      setStep(null);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const create = async (v: { name: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('operators.add', { name: v.name, role: 'admin', password: v.password });
      setStep(null);
      setCode(r.recoveryCode ?? null);
      if (!r.recoveryCode) onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Modal
        open={open && step !== null}
        title="是否设置登录密码保护？"
        closable={false}
        mask={{ closable: false }}
        footer={null}
        data-testid="first-run-question"
      >
        {step === 'ask' ? (
          <>
            <Typography.Paragraph>
              台账中有身份证号、电话等个人信息。几个人合用一台电脑时，可以设置管理员密码：每人用自己的名字和密码登录，一段时间不操作自动锁定。只有一个人使用时可以不设。以后也可以在「设置 → 操作员」中设置。
            </Typography.Paragraph>
            {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              <Button loading={busy} onClick={() => void decline()}>
                不需要
              </Button>
              <Button type="primary" onClick={() => setStep('admin')}>
                设置管理员密码
              </Button>
            </Space>
          </>
        ) : (
          <Form layout="vertical" initialValues={{ name: '管理员' }} onFinish={(v: { name: string; password: string }) => void create(v)}>
            <Form.Item name="name" label="管理员姓名" rules={[{ required: true, message: '请输入姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }, { min: 6, message: '密码至少 6 位' }]}>
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="再输一遍密码"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再输一遍密码' },
                ({ getFieldValue }) => ({
                  validator: (_r, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一样'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              <Button onClick={() => setStep('ask')}>返回</Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                设置并启用登录
              </Button>
            </Space>
          </Form>
        )}
      </Modal>
      <RecoveryCodeModal
        code={code}
        onClose={() => {
          setCode(null);
          onDone();
        }}
      />
    </>
  );
}

function LoginPage({ onDone }: { onDone: (s: SessionInfo) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { name: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('operators.login', v));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card title="工会台账 · 登录" style={{ width: 360 }}>
        <Form layout="vertical" onFinish={(v: { name: string; password: string }) => void submit(v)}>
          <Form.Item name="name" label="操作员" rules={[{ required: true, message: '请输入操作员' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
