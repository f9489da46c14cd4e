import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ArchiveItem, ItemPatch } from '../../../../shared/contract';
import { RETENTION_CODES, RETENTION_LABELS } from '../../../../shared/domain/archive-labels';
import { api, errorMessage } from '../../api';
import { pickFile } from '../../api/platform';
import { useAppState } from '../../state/app-state';

const retentionOptions = RETENTION_CODES.map((r) => ({ value: r, label: RETENTION_LABELS[r] }));

function useOrgOptions() {
  const { settings } = useAppState();
  return settings.orgCodes.map((o) => ({ value: o.code, label: `${o.code} ${o.name}` }));
}

interface EditProps {
  item: ArchiveItem | null;
  onClose: () => void;
  onSaved: () => void;
}

type EditValues = Omit<ItemPatch, 'date'> & { date?: Dayjs };

/** 编辑 one 件: 题名 (a self-made one prints in [ ]), 责任者, 文号, 日期, 密级, 页数, 保管期限, 机构(问题), 盒号, 备注. */
export function EditItemModal({ item, onClose, onSaved }: EditProps) {
  const [form] = Form.useForm<EditValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const orgs = useOrgOptions();
  useEffect(() => {
    if (!item) return;
    form.setFieldsValue({ ...item, date: dayjs(item.date) });
  }, [item, form]);
  const save = async () => {
    if (!item) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.call('archive.updateItem', { id: item.id, patch: { ...v, date: v.date?.format('YYYY-MM-DD') } });
      onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title="编辑归档文件" open={!!item} onCancel={onClose} afterOpenChange={(o) => !o && setProblem(null)} onOk={() => void save()} okText="保存" confirmLoading={saving} destroyOnHidden width={640}>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="title" label="题名" rules={[{ required: true, message: '请填写题名' }]}>
          <Input.TextArea autoSize maxLength={300} />
        </Form.Item>
        <Form.Item name="selfMadeTitle" valuePropName="checked">
          <Checkbox>自拟题名（目录中加 [ ]）</Checkbox>
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '0 12px' }}>
          <Form.Item name="responsible" label="责任者">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="date" label="日期">
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="secrecy" label="密级">
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="pages" label="页数">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="boxNo" label="盒号（空为自动）">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="retention" label="保管期限">
            <Select options={retentionOptions} />
          </Form.Item>
          <Form.Item name="orgCode" label="机构（问题）">
            <Select options={orgs} allowClear />
          </Form.Item>
          <Form.Item name="remarks" label="备注">
            <Input maxLength={200} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

interface AddProps {
  year: number;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}

interface Picked {
  token: string;
  label: string;
  pages: number;
}

/** A document added by hand (会议通知, 上级来文 …): its scans (PDF, JPEG, PNG) with 页数 read from the files. */
export function AddManualModal({ year, open, onClose, onAdded }: AddProps) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<Picked[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const orgs = useOrgOptions();
  const pick = async () => {
    setProblem(null);
    try {
      const ref = await pickFile({ title: '选择扫描件', extensions: ['pdf', 'jpg', 'jpeg', 'png'] });
      if (!ref) return;
      const info = await api.call('archive.inspectUpload', { token: ref.token });
      setFiles((f) => [...f, { token: ref.token, label: info.label, pages: info.pages }]);
      const pages = [...files, info].reduce((n, x) => n + x.pages, 0);
      form.setFieldValue('pages', pages);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.call('archive.addManual', { year, doc: { ...v, date: (v.date as Dayjs).format('YYYY-MM-DD') }, uploads: files.map((f) => f.token) });
      message.success('已添加');
      setFiles([]);
      onAdded();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title="添加文件" open={open} onCancel={onClose} onOk={() => void save()} okText="添加" confirmLoading={saving} destroyOnHidden width={640}>
      {problem && (
        <Typography.Text type="danger" data-testid="archive-add-problem">
          {problem}
        </Typography.Text>
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ date: dayjs(`${year}-12-31`), retention: 'D30', selfMadeTitle: false, orgCode: orgs[0]?.value }}>
        <Form.Item name="title" label="题名" rules={[{ required: true, message: '请填写题名' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="selfMadeTitle" valuePropName="checked">
          <Checkbox>自拟题名（目录中加 [ ]）</Checkbox>
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '0 12px' }}>
          <Form.Item name="responsible" label="责任者" rules={[{ required: true, message: '请填写责任者' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="secrecy" label="密级">
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="retention" label="保管期限">
            <Select options={retentionOptions} />
          </Form.Item>
          <Form.Item name="orgCode" label="机构（问题）">
            <Select options={orgs} allowClear />
          </Form.Item>
          <Form.Item name="pages" label="页数（由文件读出，可改）">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Button onClick={() => void pick()} data-testid="archive-pick-file">
          选择扫描件（PDF、JPEG、PNG）…
        </Button>
        {files.map((f) => (
          <div key={f.token} style={{ marginTop: 4 }}>
            {f.label}（{f.pages} 页）
          </div>
        ))}
      </Form>
    </Modal>
  );
}
