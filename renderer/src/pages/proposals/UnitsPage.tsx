import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HandlingUnit } from '../../../../shared/contract';
import { SUGGESTED_UNITS } from '../../../../shared/domain/proposal-labels';
import { api, errorMessage } from '../../api';
import { useAppState } from '../../state/app-state';

interface UnitValues {
  name: string;
  contact?: string;
  phone?: string;
}

/** 承办部门: the units proposals are assigned to. A unit that handled anything is deactivated, never deleted. */
export function UnitsPage() {
  const { message } = App.useApp();
  const { settings } = useAppState();
  const [units, setUnits] = useState<HandlingUnit[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<HandlingUnit | null>(null);
  const [addForm] = Form.useForm<UnitValues>();
  const [editForm] = Form.useForm<UnitValues>();

  const load = useCallback(async () => {
    try {
      setUnits(await api.call('handlingUnits.list', {}));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setLoaded(true);
    }
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void load();
  }, [load]);

  const run = async (what: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await what();
      message.success(done);
      await load();
      return true;
    } catch (e) {
      setProblem(errorMessage(e));
      return false;
    }
  };

  const add = async (v: UnitValues) => {
    const ok = await run(() => api.call('handlingUnits.create', { name: v.name.trim(), contact: v.contact?.trim() || null, phone: v.phone?.trim() || null }), `已添加「${v.name.trim()}」`);
    if (ok) addForm.resetFields();
  };

  const addSuggested = async () => {
    const have = new Set(units.map((u) => u.name));
    const todo = SUGGESTED_UNITS[settings.unitType].filter((n) => !have.has(n));
    await run(async () => {
      for (const name of todo) await api.call('handlingUnits.create', { name });
    }, `已添加 ${todo.length} 个常用部门`);
  };

  const saveEdit = async () => {
    if (!editing) return;
    const v = await editForm.validateFields();
    const ok = await run(
      () => api.call('handlingUnits.update', { id: editing.id, name: v.name.trim(), contact: v.contact?.trim() || null, phone: v.phone?.trim() || null, active: editing.active }),
      '已保存',
    );
    if (ok) setEditing(null);
  };

  return (
    <Card size="small" title="承办部门" data-testid="units-page">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} closable={{ onClose: () => setProblem(null), 'aria-label': '关闭' }} />}
      <Form<UnitValues> form={addForm} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12, rowGap: 8 }} aria-label="添加承办部门">
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
          <Input placeholder="部门名称，如 后勤管理处" aria-label="部门名称" maxLength={40} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="contact">
          <Input placeholder="联系人" aria-label="联系人" maxLength={30} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="phone">
          <Input placeholder="电话" aria-label="电话" maxLength={20} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
          添加
        </Button>
        {loaded && !units.length && (
          <Button style={{ marginLeft: 8 }} onClick={() => void addSuggested()}>
            添加常用部门
          </Button>
        )}
      </Form>
      <Table<HandlingUnit>
        size="small"
        rowKey="id"
        data-testid="units-table"
        dataSource={units}
        pagination={false}
        locale={{ emptyText: '还没有承办部门。交办提案前先在这里添加。' }}
        columns={[
          { title: '部门', dataIndex: 'name', render: (v: string, u) => (u.active ? v : <Typography.Text type="secondary">{v}</Typography.Text>) },
          { title: '联系人', dataIndex: 'contact' },
          { title: '电话', dataIndex: 'phone' },
          { title: '涉及提案', dataIndex: 'usage', align: 'right', width: 90 },
          {
            title: '启用',
            dataIndex: 'active',
            width: 80,
            render: (active: boolean, u) => (
              <Switch
                size="small"
                checked={active}
                aria-label={`启用 ${u.name}`}
                onChange={(on) => void run(() => api.call('handlingUnits.update', { id: u.id, name: u.name, contact: u.contact, phone: u.phone, active: on }), on ? `已启用「${u.name}」` : `已停用「${u.name}」`)}
              />
            ),
          },
          {
            title: '',
            key: 'ops',
            width: 130,
            render: (_v, u) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    editForm.setFieldsValue({ name: u.name, contact: u.contact ?? '', phone: u.phone ?? '' });
                    setEditing(u);
                  }}
                >
                  编辑
                </Button>
                <Popconfirm
                  title={u.usage ? `「${u.name}」已涉及 ${u.usage} 件提案，将停用而不删除。` : `删除「${u.name}」？`}
                  okText={u.usage ? '停用' : '删除'}
                  cancelText="取消"
                  onConfirm={() => void run(() => api.call('handlingUnits.remove', { id: u.id }), u.usage ? `已停用「${u.name}」` : `已删除「${u.name}」`)}
                >
                  <Button size="small" type="link" danger>
                    {u.usage ? '停用' : '删除'}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        已停用的部门不能再被交办，但原有的交办和答复记录仍然保留它的名字。{units.some((u) => !u.active) && <Tag style={{ marginLeft: 8 }}>灰色为已停用</Tag>}
      </Typography.Paragraph>
      <Modal title={`编辑承办部门：${editing?.name ?? ''}`} open={!!editing} onCancel={() => setEditing(null)} onOk={() => void saveEdit()} okText="保存" forceRender>
        <Form<UnitValues> form={editForm} layout="vertical" aria-label="编辑承办部门">
          <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="contact" label="联系人">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label="电话">
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
