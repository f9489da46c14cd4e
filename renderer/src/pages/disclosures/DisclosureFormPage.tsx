import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Result, Row, Select, Spin, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { DisclosureDetail, DisclosureInput, UploadInfo } from '../../../../shared/contract';
import { DISCLOSURE_FORMS, DISCLOSURE_SCOPES, DISCLOSURE_TIMINGS, type DisclosureScope, type DisclosureTiming } from '../../../../shared/domain/disclosure-labels';
import { DISCLOSURE_NAME } from '../../../../shared/domain/labels';
import { api, errorMessage, isApiError } from '../../api';
import { useChannel } from '../../api/use-channel';
import { issuesToFields } from '../../components/form-errors';
import { useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';
import { AttachmentList } from './AttachmentList';
import { lastListAddress } from './disclosure-filter';
import { scopeLabel, timingLabel } from './labels';
import { FormHeader, FormProblem, useLeaveGuard } from '../../components/form';

interface Values {
  title: string;
  category?: string;
  forms: string[];
  scope: DisclosureScope;
  timing: DisclosureTiming;
  disclosedOn?: Dayjs;
  until?: Dayjs | null;
  department?: string;
  reviewer?: string;
  reviewedOn?: Dayjs | null;
  content?: string;
  remarks?: string;
}
type FieldList = Parameters<FormInstance<Values>['setFields']>[0];

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const toDay = (s: string | null | undefined) => (s ? dayjs(s) : null);
const trimmed = (s: string | undefined) => s?.trim() || null;

function toValues(d: DisclosureDetail | null, defaultCategory: string | undefined): Values {
  if (!d) return { title: '', category: defaultCategory, forms: ['公开栏'], scope: 'internal', timing: 'immediate', disclosedOn: dayjs() };
  return {
    title: d.title,
    category: d.category,
    forms: d.forms,
    scope: d.scope,
    timing: d.timing,
    disclosedOn: dayjs(d.disclosedOn),
    until: toDay(d.until),
    department: d.department ?? '',
    reviewer: d.reviewer ?? '',
    reviewedOn: toDay(d.reviewedOn),
    content: d.content ?? '',
    remarks: d.remarks ?? '',
  };
}

function toInput(v: Values): DisclosureInput {
  return {
    title: v.title,
    category: v.category ?? '',
    forms: v.forms,
    scope: v.scope,
    timing: v.timing,
    disclosedOn: day(v.disclosedOn) ?? '',
    until: day(v.until),
    department: trimmed(v.department),
    reviewer: trimmed(v.reviewer),
    reviewedOn: day(v.reviewedOn),
    content: trimmed(v.content),
    remarks: trimmed(v.remarks),
  };
}

/** /disclosure/new and /disclosure/:id/edit: Ctrl+S saves, Esc cancels. */
export function DisclosureFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : null;
  const navigate = useNavigate();
  const loaded = useChannel('disclosures.get', editId ? { id: editId } : null);
  if (editId !== null && (!Number.isInteger(editId) || editId <= 0)) {
    return <Result status="404" title="没有这项公开事项" extra={<Button onClick={() => void navigate('/disclosure')}>返回列表</Button>} />;
  }
  if (loaded.problem) {
    return <Result status="warning" title="公开事项没有打开" subTitle={loaded.problem} extra={<Button onClick={() => void navigate('/disclosure')}>返回列表</Button>} />;
  }
  if (editId && !loaded.data) return <Spin description="正在打开…" style={{ display: 'block', padding: 48 }} />;
  return <DisclosureForm key={loaded.data?.id ?? 'new'} original={loaded.data ?? null} />;
}

function DisclosureForm({ original }: { original: DisclosureDetail | null }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { settings } = useAppState();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [pending, setPending] = useState<UploadInfo[]>([]);
  const [removed, setRemoved] = useState<Set<number>>(new Set());
  const timing = Form.useWatch('timing', form);

  const dirty = () => form.isFieldsTouched() || pending.length > 0 || removed.size > 0;
  const { leave, busy } = useLeaveGuard(dirty, '表单里有还没保存的内容（包括新添加的附件）');
  const cancel = () => leave(original ? `/disclosure/${original.id}` : lastListAddress());

  const save = async () => {
    if (saving || busy()) return;
    setGeneral(null);
    try {
      await form.validateFields();
    } catch {
      message.error('有内容需要修改，未保存。');
      return;
    }
    setSaving(true);
    try {
      const disclosure = toInput(form.getFieldsValue(true) as Values);
      const uploads = pending.map((p) => p.token);
      const saved = original
        ? await api.call('disclosures.update', {
            id: original.id,
            disclosure,
            uploads,
            removeAttachmentIds: [...removed],
            expectedUpdatedAt: original.updatedAt,
          })
        : await api.call('disclosures.create', { disclosure, uploads });
      message.success(original ? '已保存' : `已登记，登记号 ${saved.regNo}`);
      void navigate(`/disclosure/${saved.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e) && e.issues.length) {
        const { fields, general: rest } = issuesToFields(e.issues.map((i) => ({ ...i, path: i.path[0] === 'disclosure' ? i.path.slice(1) : i.path })));
        form.setFields(fields.filter((f) => f.name.length) as FieldList);
        setGeneral(rest[0] ?? e.message);
      } else {
        setGeneral(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  useShortcut('ctrl+s', () => void save());
  useShortcut('escape', () => {
    if (!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden), .ant-modal-wrap')) cancel();
  });

  const categories = [...new Set([...settings.disclosureCategories, ...(original ? [original.category] : [])])];
  const forms = [...new Set([...DISCLOSURE_FORMS[settings.unitType], ...(original?.forms ?? [])])];
  const area = DISCLOSURE_NAME[settings.unitType];

  return (
    <div data-testid="disclosure-form">
      <FormHeader
        title={original ? `编辑：${original.regNo} ${original.title}` : `登记${area}事项`}
        note={!original && <Typography.Text type="secondary">登记号保存时按公开日期的年度自动编排</Typography.Text>}
        saving={saving}
        onCancel={cancel}
        onSave={() => void save()}
      />
      <FormProblem text={general} />
      <Form<Values> form={form} layout="vertical" aria-label="公开事项" initialValues={toValues(original, settings.disclosureCategories[0])} scrollToFirstError>
        <Card size="small" title="公开事项" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Form.Item name="title" label="公开事项" rules={[{ required: true, whitespace: true, message: '请填写公开事项' }]}>
                <Input aria-label="公开事项" maxLength={200} placeholder="如：2026年度教职工福利费使用情况" />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
                <Select aria-label="类别" options={categories.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={16}>
              <Form.Item name="forms" label="公开形式（可多选）" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种公开形式' }]}>
                <Checkbox.Group aria-label="公开形式" options={forms.map((f) => ({ value: f, label: f }))} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="scope" label="公开范围">
                <Radio.Group aria-label="公开范围" options={DISCLOSURE_SCOPES.map((s) => ({ value: s, label: scopeLabel(s) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="timing" label="时限类型" tooltip="长期：规章制度等；定期：计划、预决算等；即时：评优、招标采购等随时公开">
                <Radio.Group aria-label="时限类型" options={DISCLOSURE_TIMINGS.map((t) => ({ value: t, label: timingLabel(t) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="disclosedOn" label="公开日期" rules={[{ required: true, message: '请选择公开日期' }]}>
                <DatePicker aria-label="公开日期" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item
                name="until"
                label="公开期限（至）"
                dependencies={['disclosedOn']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_r, v: Dayjs | null) => {
                      const from = getFieldValue('disclosedOn') as Dayjs | undefined;
                      if (v && from && v.isBefore(from, 'day')) throw new Error('公开期限不能早于公开日期');
                    },
                  }),
                ]}
              >
                <DatePicker aria-label="公开期限" style={{ width: '100%' }} placeholder={timing === 'standing' ? '长期公开可不填' : '选择日期'} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="department" label="责任部门">
                <Input aria-label="责任部门" maxLength={100} placeholder="如：工会办公室" />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="reviewer" label="审核人">
                <Input aria-label="审核人" maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={12} xl={8}>
              <Form.Item name="reviewedOn" label="审核日期">
                <DatePicker aria-label="审核日期" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="content" label="公开内容">
                <Input.TextArea aria-label="公开内容" maxLength={20000} autoSize={{ minRows: 4, maxRows: 14 }} placeholder="公开的具体内容；原件可作为附件添加" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="remarks" label="备注">
                <Input.TextArea aria-label="备注" maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
      <Card size="small" title="附件" extra={<Typography.Text type="secondary">单个文件不超过 {settings.attachmentMaxMb} MB</Typography.Text>}>
        <AttachmentList
          stored={original?.attachments ?? []}
          editing={{
            pending,
            removed,
            onAdd: (u) => setPending((p) => [...p, u]),
            onDropPending: (token) => setPending((p) => p.filter((x) => x.token !== token)),
            onToggleRemove: (aid) =>
              setRemoved((s) => {
                const next = new Set(s);
                if (next.has(aid)) next.delete(aid);
                else next.add(aid);
                return next;
              }),
          }}
        />
      </Card>
    </div>
  );
}
