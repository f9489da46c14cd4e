import { Alert, App, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MediationRow } from '../../../../shared/contract';
import {
  MEDIATION_CATEGORIES,
  MEDIATION_FORM_LABELS,
  MEDIATION_FORMS,
  MEDIATION_OUTCOME_LABELS,
  MEDIATION_OUTCOMES,
  type MediationForm,
  type MediationOutcome,
} from '../../../../shared/domain/plans-labels';
import { api, errorMessage } from '../../api';
import { MemberPicker } from '../../components/members/MemberPicker';

interface Values {
  form: MediationForm;
  acceptedOn: Dayjs;
  applicantMemberId?: number | null;
  applicant: string;
  applicantIdNumber?: string;
  respondent: string;
  category: string;
  matter: string;
  reasons?: string;
  mediators?: string;
  sessions?: string;
  outcome?: MediationOutcome | 'open';
  closedOn?: Dayjs;
  agreementTerms?: string;
  agreementDeadline?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * Mounted afresh for each case (the page renders it only while open), so nothing of the last case lingers.
 * 登记调解申请 / 修改调解记录: the application (书面/口头, 受理日期), the parties, the matter, the mediators, the
 * sessions one a line, and — once the case ends — its outcome with the agreement's terms and deadline.
 */
export function MediationModal({ open, editId, onClose, onSaved }: { open: boolean; editId: number | null; onClose: () => void; onSaved: (row: MediationRow) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [loaded, setLoaded] = useState<MediationRow | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const memberId = Form.useWatch('applicantMemberId', form) as number | null | undefined;

  useEffect(() => {
    if (!open || editId == null) return;
    let live = true;
    api
      .call('mediation.get', { id: editId })
      .then((m) => {
        if (!live) return;
        setLoaded(m);
        form.setFieldsValue({
          form: m.form, acceptedOn: dayjs(m.acceptedOn), applicantMemberId: m.applicantMemberId, applicant: m.applicant, applicantIdNumber: m.applicantIdNumber ?? '',
          respondent: m.respondent, category: m.category, matter: m.matter, reasons: m.reasons ?? '', mediators: m.mediators ?? '', sessions: m.sessions ?? '',
          outcome: m.outcome ?? 'open', closedOn: m.closedOn ? dayjs(m.closedOn) : dayjs(), agreementTerms: m.agreementTerms ?? '',
          agreementDeadline: m.agreementDeadline ? dayjs(m.agreementDeadline) : null,
        });
      })
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [open, editId, form]);

  const pickMember = (id: number | null) => {
    form.setFieldValue('applicantMemberId', id);
    if (!id) return;
    void api.call('members.get', { id }).then((m) => form.setFieldsValue({ applicant: m.name, applicantIdNumber: m.idNumber ?? '' })).catch(() => undefined);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setProblem(null);
    const kase = {
      form: v.form, acceptedOn: v.acceptedOn.format('YYYY-MM-DD'), applicantMemberId: v.applicantMemberId ?? null, applicant: v.applicant,
      applicantIdNumber: v.applicantIdNumber || null, respondent: v.respondent, category: v.category, matter: v.matter, reasons: v.reasons || null,
      mediators: v.mediators || null, sessions: v.sessions || null,
    };
    const closing = v.outcome && v.outcome !== 'open'
      ? { outcome: v.outcome, closedOn: day(v.closedOn) ?? dayjs().format('YYYY-MM-DD'), agreementTerms: v.agreementTerms || null, agreementDeadline: day(v.agreementDeadline) }
      : null;
    try {
      let row: MediationRow;
      if (editId == null) {
        row = await api.call('mediation.create', { case: kase });
        if (closing) row = await api.call('mediation.update', { id: row.id, case: kase, outcome: closing });
      } else {
        row = await api.call('mediation.update', { id: editId, case: kase, outcome: closing });
      }
      message.success(editId == null ? '已登记调解申请' : '已保存调解记录');
      form.resetFields();
      onSaved(row);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const closed = !!loaded?.outcome;
  return (
    <Modal open={open} title={editId == null ? '登记调解申请' : '修改调解记录'} okText="保存" cancelText="取消" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} width={820} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ form: 'written', acceptedOn: dayjs(), outcome: 'open', category: MEDIATION_CATEGORIES[0] }}>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="form" label="申请方式"><Radio.Group options={MEDIATION_FORMS.map((f) => ({ value: f, label: MEDIATION_FORM_LABELS[f] }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="acceptedOn" label="受理日期" rules={[{ required: true, message: '请选择受理日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="category" label="争议类别" rules={[{ required: true, message: '请选择争议类别' }]}><Select options={MEDIATION_CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="从会员中选申请人（可选）">
              <div data-testid="mediation-member"><MemberPicker value={memberId} onChange={pickMember} initial={loaded?.applicantMemberId ? { value: loaded.applicantMemberId, label: loaded.applicant } : null} /></div>
            </Form.Item>
            <Form.Item name="applicantMemberId" hidden><Input /></Form.Item>
          </Col>
          <Col span={6}><Form.Item name="applicant" label="申请人" rules={[{ required: true, message: '请填写申请人' }]}><Input maxLength={50} /></Form.Item></Col>
          <Col span={10}><Form.Item name="applicantIdNumber" label="申请人身份证号"><Input maxLength={18} /></Form.Item></Col>
        </Row>
        <Form.Item name="respondent" label="被申请人" rules={[{ required: true, message: '请填写被申请人' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="matter" label="争议事项" rules={[{ required: true, message: '请填写争议事项' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="reasons" label="申请理由"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="mediators" label="调解员"><Input maxLength={100} placeholder="多人用、分隔" /></Form.Item>
        <Form.Item name="sessions" label="调解经过（每次一行：日期、参加人、经过）"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Divider plain style={{ margin: '8px 0' }}>调解结果</Divider>
        <Form.Item name="outcome">
          <Radio.Group aria-label="调解结果" options={[...(closed ? [] : [{ value: 'open', label: '调解中' }]), ...MEDIATION_OUTCOMES.map((o) => ({ value: o, label: MEDIATION_OUTCOME_LABELS[o] }))]} />
        </Form.Item>
        {outcome && outcome !== 'open' && (
          <Row gutter={12}>
            <Col span={8}><Form.Item name="closedOn" label="结案日期" rules={[{ required: true, message: '请选择结案日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            {outcome === 'agreed' && <Col span={8}><Form.Item name="agreementDeadline" label="履行期限"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>}
          </Row>
        )}
        {outcome === 'agreed' && (
          <Form.Item name="agreementTerms" label="协议内容" rules={[{ required: true, message: '请填写协议内容' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        )}
        {closed && <Typography.Text type="secondary">已结案的调解可以更正结果，但不能改回“调解中”。</Typography.Text>}
      </Form>
    </Modal>
  );
}
