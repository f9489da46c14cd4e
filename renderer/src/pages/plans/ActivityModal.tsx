import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { FileRef, PlanItemRow, SignInPreview } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { pickFile } from '../../api/platform';
import { MemberPicker } from '../../components/members/MemberPicker';
import { usePlanKindOptions } from './plan-kinds';

interface Values {
  name: string;
  kind: string;
  date: Dayjs;
  place?: string;
  organizer?: string;
  leader?: string;
  headCount?: number | null;
  cost?: number | null;
  costSource?: string;
  summary?: string;
  planItemIds?: number[];
}

/** 登记活动台账: participants picked from the roster one by one, photos through the file store, the plan items it carries out. */
export function ActivityModal({ open, planItems, onClose, onSaved }: { open: boolean; planItems: PlanItemRow[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const kinds = usePlanKindOptions();
  const [people, setPeople] = useState<number[]>([]);
  const [names, setNames] = useState<Record<number, string>>({});
  const [picking, setPicking] = useState<number | undefined>();
  const [files, setFiles] = useState<FileRef[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [signIn, setSignIn] = useState<SignInPreview | null>(null);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setProblem(null);
    try {
      await api.call('activities.create', {
        activity: {
          name: v.name, kind: v.kind, startDate: v.date.format('YYYY-MM-DD'), place: v.place ?? null, organizer: v.organizer ?? null, leader: v.leader ?? null,
          headCount: v.headCount ?? null, cost: v.cost ?? null, costSource: v.costSource ?? null, summary: v.summary ?? null, participantIds: people, planItemIds: v.planItemIds ?? [],
        },
        tokens: files.map((f) => f.token),
      });
      message.success('已登记活动台账');
      form.resetFields();
      setPeople([]);
      setFiles([]);
      onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const fromSignIn = async () => {
    const f = await pickFile({ title: '选择签到表', extensions: ['xlsx', 'xls', 'csv'] });
    if (!f) return;
    setSignIn(null);
    try {
      const r = await api.call('activities.signInPreview', { token: f.token });
      setPeople((p) => [...p, ...r.matched.map((m) => m.id).filter((id) => !p.includes(id))]);
      setNames((n) => ({ ...n, ...Object.fromEntries(r.matched.map((m) => [m.id, m.name])) }));
      setSignIn(r);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const addPhoto = async () => {
    const f = await pickFile({ title: '选择照片或附件', extensions: ['jpg', 'jpeg', 'png', 'pdf', 'docx', 'xlsx'] });
    if (f) setFiles((fs) => [...fs, f]);
  };

  return (
    <Modal open={open} title="登记活动台账" okText="保存" cancelText="取消" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} width={760} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), kind: 'other', costSource: '工会经费' }}>
        <Row gutter={12}>
          <Col span={14}><Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}><Input /></Form.Item></Col>
          <Col span={10}><Form.Item name="kind" label="类别"><Select options={kinds} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="place" label="地点"><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="organizer" label="主办/承办"><Input /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}><Form.Item name="leader" label="负责人"><Input /></Form.Item></Col>
          <Col span={6}><Form.Item name="headCount" label="参加人数（不逐一登记时）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="cost" label="经费（元）"><InputNumber min={0} step={0.01} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="costSource" label="经费来源"><Input /></Form.Item></Col>
        </Row>
        <Form.Item label={`参加人员（${people.length} 人）`}>
          <Space wrap>
            <div style={{ width: 260 }} data-testid="participant-picker"><MemberPicker value={picking} onChange={(id?: number | null) => { if (id && !people.includes(id)) { setPeople((p) => [...p, id]); void api.call('members.get', { id }).then((m) => setNames((n) => ({ ...n, [id]: m.name }))).catch(() => undefined); } setPicking(undefined); }} /></div>
            <Button onClick={() => void fromSignIn()} data-testid="signin-import">从签到表导入…</Button>
            {people.map((id) => <Tag key={id} closable onClose={() => setPeople((p) => p.filter((x) => x !== id))} data-testid="participant">{names[id] ?? '…'}</Tag>)}
          </Space>
          {signIn && (
            <Alert style={{ marginTop: 8 }} type={signIn.unmatched.length ? 'warning' : 'success'} showIcon data-testid="signin-result"
              message={`签到表「${signIn.fileName}」（${signIn.sheet}）${signIn.rows} 行：已加入 ${signIn.matched.length} 人${signIn.unmatched.length ? `，${signIn.unmatched.length} 行未能对应会员` : ''}`}
              description={signIn.unmatched.length ? signIn.unmatched.map((u) => `第 ${u.excelRow} 行 ${u.name}：${u.reason}`).join('；') : undefined} />
          )}
        </Form.Item>
        <Form.Item name="planItemIds" label="落实的计划事项">
          <Select mode="multiple" allowClear placeholder="可选" options={planItems.map((i) => ({ value: i.id, label: `${i.month ? `${i.month}月 ` : ''}${i.title}` }))} />
        </Form.Item>
        <Form.Item name="summary" label="内容摘要"><Input.TextArea rows={3} /></Form.Item>
        <Space wrap>
          <Button onClick={() => void addPhoto()} data-testid="add-photo">添加照片/附件…</Button>
          {files.map((f) => <Tag key={f.token} closable onClose={() => setFiles((fs) => fs.filter((x) => x.token !== f.token))}>{f.fileName}</Tag>)}
        </Space>
      </Form>
    </Modal>
  );
}
