import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OperatorRow } from '../../../../shared/contract';
import { DEFAULT_LOCK_MINUTES, PII_EXPORT_NOTICE, ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/permissions';
import { api, errorMessage } from '../../api';
import { RecoveryCodeModal } from './RecoveryCodeModal';

/** 设置 → 操作员 (#16). The first 管理员 with a password turns login on; without one nobody logs in. */
export function OperatorsCard() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<OperatorRow[]>([]);
  const [form] = Form.useForm<{ name: string; role: Role; password?: string }>();
  const [code, setCode] = useState<string | null>(null);
  const [lockMinutes, setLockMinutes] = useState<number | null>(null);
  const [savedLock, setSavedLock] = useState<number | null>(null);
  const [notice, setNotice] = useState(true);
  const load = useCallback(async () => {
    try {
      const [list, settings] = await Promise.all([api.call('operators.list', {}), api.call('settings.get', {})]);
      setRows(list);
      setLockMinutes(settings.lockMinutes);
      setSavedLock(settings.lockMinutes);
      setNotice(settings.exportNotice);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [message]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void load();
  }, [load]);
  const add = async (v: { name: string; role: Role; password?: string }) => {
    try {
      const r = await api.call('operators.add', { name: v.name, role: v.role, ...(v.password ? { password: v.password } : {}) });
      message.success(`已新增操作员「${v.name}」`);
      if (r.recoveryCode) setCode(r.recoveryCode);
      form.resetFields();
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const saveNotice = async (on: boolean) => {
    try {
      await api.call('settings.update', { exportNotice: on });
      setNotice(on);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  // Saved when the field is left (or Enter): a second 保存 button on the 设置 page would be one too many.
  const saveLock = async () => {
    if (!lockMinutes || lockMinutes === savedLock) return;
    try {
      await api.call('settings.update', { lockMinutes });
      setSavedLock(lockMinutes);
      message.success(`已保存：${lockMinutes} 分钟不操作自动锁定`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const remove = async (r: OperatorRow) => {
    try {
      await api.call('operators.remove', { id: r.id });
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card title="操作员">
      <Typography.Paragraph type="secondary">
        没有设密码的管理员时不需要登录，使用者即管理员。新增一位设了密码的管理员后启用登录：每人用自己的名字和密码登录，一段时间不操作自动锁定，
        查阅角色看到的身份证号和电话是遮盖的。第一位管理员设密码时会显示恢复码，忘记密码时凭它重设。
      </Typography.Paragraph>
      <Table<OperatorRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '还没有操作员' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
          { title: '密码', dataIndex: 'hasPassword', render: (v: boolean) => (v ? '已设' : '未设') },
          {
            title: '操作',
            render: (_: unknown, r) => (
              <Popconfirm title={`删除操作员「${r.name}」？`} okText="删除" cancelText="取消" onConfirm={() => void remove(r)}>
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 12 }} initialValues={{ role: 'clerk' }} onFinish={(v) => void add(v)}>
        <Form.Item name="name" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input placeholder="姓名" maxLength={30} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="role">
          <Select style={{ width: 100 }} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="password" rules={[{ min: 6, message: '密码至少 6 位' }]}>
          <Input.Password placeholder="密码（至少 6 位）" style={{ width: 170 }} autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            新增操作员
          </Button>
        </Space>
      </Form>
      <Space style={{ marginTop: 16 }} wrap>
        <span>自动锁定时间：</span>
        <InputNumber
          min={1}
          max={480}
          precision={0}
          value={lockMinutes ?? DEFAULT_LOCK_MINUTES}
          onChange={(v) => setLockMinutes(v)}
          onBlur={() => void saveLock()}
          onPressEnter={() => void saveLock()}
          suffix="分钟"
          data-testid="lock-minutes"
          style={{ width: 130 }}
        />
        <Typography.Text type="secondary">启用登录后，这么久不操作就自动锁定，需要重新登录（改后即保存）。</Typography.Text>
      </Space>
      <div style={{ marginTop: 12 }}>
        <Space wrap>
          <Switch checked={notice} onChange={(on) => void saveNotice(on)} data-testid="export-notice" />
          <span>导出的花名册首行注明「{PII_EXPORT_NOTICE}」</span>
        </Space>
      </div>
      <RecoveryCodeModal code={code} onClose={() => setCode(null)} />
    </Card>
  );
}
