import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AwardRow } from '../../../../shared/contract';
import { AWARD_LEVEL_LABELS, AWARD_LEVELS, type AwardLevel } from '../../../../shared/domain/plans-labels';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { MemberPicker } from '../../components/members/MemberPicker';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';

interface Values {
  title: string;
  level: AwardLevel;
  grantor?: string;
  awardDate: Dayjs;
  docNo?: string;
  to: 'members' | 'collective';
  collective?: string;
  notes?: string;
}

/** 登记表彰: recipients are members picked from the roster one by one, or a collective (a 工会小组, a 教研组…). */
function AwardModal({ onClose, onSaved }: { onClose: () => void; onSaved: (a: AwardRow) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const to = Form.useWatch('to', form);
  const [people, setPeople] = useState<{ id: number; name: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const add = (id: number | null) => {
    if (!id || people.some((p) => p.id === id)) return;
    void api.call('members.get', { id }).then((m) => setPeople((p) => (p.some((x) => x.id === id) ? p : [...p, { id, name: m.name }]))).catch(() => undefined);
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setProblem(null);
    try {
      const row = await api.call('awards.create', {
        award: {
          title: v.title, level: v.level, grantor: v.grantor || null, awardDate: v.awardDate.format('YYYY-MM-DD'), docNo: v.docNo || null, notes: v.notes || null,
          collective: v.to === 'collective' ? v.collective || null : null, recipientIds: v.to === 'members' ? people.map((p) => p.id) : [],
        },
      });
      message.success('已登记表彰');
      onSaved(row);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="登记表彰" okText="保存" cancelText="取消" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} width={720} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ level: 'unit', awardDate: dayjs(), to: 'members' }}>
        <Form.Item name="title" label="荣誉名称" rules={[{ required: true, message: '请填写荣誉名称' }]}><Input maxLength={200} placeholder="如：优秀工会积极分子、模范职工之家" /></Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="level" label="级别"><Select options={AWARD_LEVELS.map((l) => ({ value: l, label: AWARD_LEVEL_LABELS[l] }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="grantor" label="授予单位"><Input maxLength={100} /></Form.Item></Col>
          <Col span={8}><Form.Item name="awardDate" label="授予日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="docNo" label="文件号"><Input maxLength={100} placeholder="如：市工发〔2026〕5号" /></Form.Item>
        <Form.Item name="to" label="获奖者"><Radio.Group options={[{ value: 'members', label: '会员个人' }, { value: 'collective', label: '集体' }]} /></Form.Item>
        {to === 'collective' ? (
          <Form.Item name="collective" label="获奖集体" rules={[{ required: true, message: '请填写获奖集体' }]}><Input maxLength={100} /></Form.Item>
        ) : (
          <Form.Item label={`获奖人（${people.length} 人）`} required>
            <Space wrap>
              <div style={{ width: 260 }} data-testid="recipient-picker"><MemberPicker value={null} onChange={add} /></div>
              {people.map((p) => <Tag key={p.id} closable onClose={() => setPeople((x) => x.filter((y) => y.id !== p.id))} data-testid="recipient">{p.name}</Tag>)}
            </Space>
          </Form.Item>
        )}
        <Form.Item name="notes" label="备注"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 表彰 of a year: each honour with its level, grantor, document number and recipients; the count per level. */
export function AwardsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [adding, setAdding] = useState(false);
  const list = useChannel('awards.list', { year });
  useShortcut('ctrl+n', () => setAdding(true));
  const rows = list.data ?? [];
  const people = rows.reduce((s, r) => s + r.recipients.length, 0);
  const byLevel = AWARD_LEVELS.map((l) => [AWARD_LEVEL_LABELS[l], rows.filter((r) => r.level === l).length] as const).filter(([, n]) => n > 0);
  return (
    <div>
      <ListToolbar>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
        <Typography.Text data-testid="awards-total">
          {list.data ? `共 ${rows.length} 项表彰，个人 ${people} 人次，集体 ${rows.filter((r) => r.collective).length} 个${byLevel.length ? `（${byLevel.map(([l, n]) => `${l} ${n}`).join('，')}）` : ''}` : ''}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} title={`登记表彰（${keyLabel('ctrl+n')}）`}>登记表彰</Button>
      </ListToolbar>
      {list.problem && <Alert type="error" showIcon message={list.problem} />}
      <Table<AwardRow> rowKey="id" size="small" loading={!list.loaded} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="awards-table"
        columns={[
          { title: '授予日期', dataIndex: 'awardDate', width: 110 },
          { title: '荣誉名称', dataIndex: 'title', ellipsis: true },
          { title: '级别', dataIndex: 'levelLabel', width: 110 },
          { title: '授予单位', dataIndex: 'grantor', width: 150, ellipsis: true },
          { title: '文件号', dataIndex: 'docNo', width: 160, ellipsis: true },
          { title: '获奖者', render: (_, r) => [r.collective ? `集体：${r.collective}` : '', r.recipients.map((p) => p.name).join('、')].filter(Boolean).join('；') },
        ]} />
      {adding && <AwardModal onClose={() => setAdding(false)} onSaved={() => { setAdding(false); void list.reload(); }} />}
    </div>
  );
}
