import { Alert, App, Card, Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CongressSession, HandlingUnit, ProposalConfig, ProposalDetail, Representative } from '../../../../shared/contract';
import { api, errorMessage, isApiError } from '../../api';
import { issuesToFields } from '../../components/form-errors';
import { useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';
import { FormHeader, FormProblem, useLeaveGuard } from '../../components/form';
import { proposalLabel, proposalMax } from '../../../../shared/domain/proposal-fields';

interface Values {
  title?: string;
  category?: string | null;
  proposerId?: number;
  seconderIds?: number[];
  suggestedUnitId?: number | null;
  submittedDate?: Dayjs;
  contactPhone?: string;
  reasons?: string;
  suggestions?: string;
  remarks?: string;
  handler?: string;
}
type FieldList = Parameters<FormInstance<Values>['setFields']>[0];

/** Representatives grouped by 代表团, searchable by name. */
function repOptions(reps: Representative[], exclude: readonly number[] = []) {
  const groups = new Map<string, { value: number; label: string }[]>();
  for (const r of reps) {
    if (exclude.includes(r.memberId)) continue;
    const list = groups.get(r.delegation) ?? [];
    list.push({ value: r.memberId, label: r.name });
    groups.set(r.delegation, list);
  }
  return [...groups].map(([label, options]) => ({ label, title: label, options }));
}

export function ProposalForm({ session, original }: { session: CongressSession; original: ProposalDetail | null }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { settings } = useAppState();
  const [form] = Form.useForm<Values>();
  const [reps, setReps] = useState<Representative[]>([]);
  const [units, setUnits] = useState<HandlingUnit[]>([]);
  const [config, setConfig] = useState<ProposalConfig | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const proposerId = Form.useWatch('proposerId', form);
  const seconderIds = Form.useWatch('seconderIds', form) ?? [];
  const peopleLocked = !!original && original.state !== 'registered';

  useEffect(() => {
    let live = true;
    Promise.all([api.call('representatives.list', { sessionId: session.id }), api.call('handlingUnits.list', {}), api.call('proposals.config', {})])
      .then(([r, u, c]) => {
        if (!live) return;
        setReps(r);
        setUnits(u);
        setConfig(c);
      })
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [session.id]);

  const short = !peopleLocked && (original ? original.kind === 'proposal' : true) && seconderIds.length < session.minSeconders;
  const proposerOptions = useMemo(() => repOptions(reps), [reps]);
  const seconderOptions = useMemo(() => repOptions(reps, proposerId ? [proposerId] : []), [reps, proposerId]);

  const { leave, busy } = useLeaveGuard(() => form.isFieldsTouched());
  const cancel = () => leave(original ? `/proposals/${original.id}` : `/proposals?session=${session.id}`);

  const save = async () => {
    if (saving || busy()) return;
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      message.error('有内容需要修改，未保存。');
      return;
    }
    const proposal = {
      title: v.title!.trim(),
      category: v.category || null,
      proposerId: v.proposerId!,
      seconderIds: v.seconderIds ?? [],
      suggestedUnitId: v.suggestedUnitId ?? null,
      submittedDate: v.submittedDate!.format('YYYY-MM-DD'),
      contactPhone: v.contactPhone?.trim() || null,
      reasons: v.reasons?.trim() || null,
      suggestions: v.suggestions?.trim() || null,
      remarks: v.remarks?.trim() || null,
    };
    setSaving(true);
    try {
      const saved = original
        ? await api.call('proposals.update', { id: original.id, proposal, expectedUpdatedAt: original.updatedAt })
        : await api.call('proposals.create', { sessionId: session.id, proposal, handler: v.handler?.trim() || null });
      message.success(original ? '已保存' : `已登记：${saved.number}`);
      void navigate(`/proposals/${saved.id}`, { replace: true, state: { warnings: saved.warnings } });
    } catch (e) {
      if (isApiError(e) && e.issues.length) {
        const { fields, general } = issuesToFields(e.issues.map((i) => ({ ...i, path: i.path[0] === 'proposal' ? i.path.slice(1) : i.path })));
        form.setFields(fields.map((f) => ({ ...f, name: f.name.length === 2 && f.name[0] === 'seconderIds' ? ['seconderIds'] : f.name })) as FieldList);
        setProblem(general[0] ?? e.message);
      } else setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  useShortcut('ctrl+s', () => void save());
  useShortcut('escape', () => {
    if (!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden), .ant-modal-wrap')) cancel();
  });

  const initial: Values = original
    ? {
        title: original.title,
        category: original.category,
        proposerId: original.proposer.memberId,
        seconderIds: original.seconders.map((s) => s.memberId),
        suggestedUnitId: original.suggestedUnit?.id ?? null,
        submittedDate: dayjs(original.submittedDate),
        contactPhone: original.contactPhone ?? undefined,
        reasons: original.reasons ?? undefined,
        suggestions: original.suggestions ?? undefined,
        remarks: original.remarks ?? undefined,
      }
    : { submittedDate: dayjs(), seconderIds: [], handler: settings.operator || undefined };
  const categories = [...(config?.categories ?? []), ...(original?.category && !config?.categories.includes(original.category) ? [original.category] : [])];

  return (
    <div data-testid="proposal-form">
      <FormHeader
        title={original ? `编辑：${original.number}` : `登记提案（${session.label}）`}
        saving={saving}
        onCancel={cancel}
        onSave={() => void save()}
      />
      <FormProblem text={problem} onClose={() => setProblem(null)} />
      {!reps.length && config && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${session.label}还没有代表。提案人和附议人须是本届代表，请先在「届次与代表」中添加。`} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initial} aria-label={original ? '编辑提案' : '登记提案'} scrollToFirstError>
        <Card size="small" title="提案表" style={{ marginBottom: 16 }}>
          <Form.Item name="title" label={proposalLabel('title')} rules={[{ required: true, whitespace: true, message: '请填写案由' }]} extra="一事一案：一件提案只提一件事。">
            <Input maxLength={proposalMax('title')} aria-label={proposalLabel('title')} placeholder="如：关于增设教工健身房的建议" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="proposerId" label={proposalLabel('proposer')} rules={[{ required: true, message: '请选择提案人' }]}>
                <Select aria-label="提案人" options={proposerOptions} showSearch={{ optionFilterProp: 'label' }} disabled={peopleLocked} placeholder="本届代表" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="seconderIds" label={`附议人（至少 ${session.minSeconders} 人）`}>
                <Select mode="multiple" aria-label="附议人" options={seconderOptions} showSearch={{ optionFilterProp: 'label' }} disabled={peopleLocked} placeholder="本届代表，可选多人" />
              </Form.Item>
            </Col>
          </Row>
          {short && (
            <Alert
              type="warning"
              showIcon
              data-testid="seconder-notice"
              style={{ marginBottom: 16 }}
              title={`附议人 ${seconderIds.length} 人，不足本届规定的 ${session.minSeconders} 人：保存后将登记为「意见建议」，单独编号，不经立案审查，直接交有关部门办理。`}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="category" label={proposalLabel('category')}>
                <Select aria-label="类别" allowClear options={categories.map((c) => ({ value: c, label: c }))} placeholder="选择类别" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="suggestedUnitId" label={proposalLabel('unit')}>
                <Select
                  aria-label="建议承办部门"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={units.filter((u) => u.active || u.id === original?.suggestedUnit?.id).map((u) => ({ value: u.id, label: u.name }))}
                  placeholder="可不填"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="submittedDate" label={proposalLabel('submittedDate')} rules={[{ required: true, message: '请选择提交日期' }]}>
                <DatePicker style={{ width: '100%' }} aria-label="提交日期" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="contactPhone" label={proposalLabel('contactPhone')}>
                <Input maxLength={proposalMax('contactPhone')} aria-label={proposalLabel('contactPhone')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="reasons" label={proposalLabel('reasons')}>
            <Input.TextArea maxLength={proposalMax('reasons')} autoSize={{ minRows: 4, maxRows: 14 }} aria-label={proposalLabel('reasons')} showCount />
          </Form.Item>
          <Form.Item name="suggestions" label={proposalLabel('suggestions')} extra="具体、可操作的建议。">
            <Input.TextArea maxLength={proposalMax('suggestions')} autoSize={{ minRows: 4, maxRows: 14 }} aria-label={proposalLabel('suggestions')} showCount />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="remarks" label={proposalLabel('remarks')}>
                <Input maxLength={proposalMax('remarks')} aria-label={proposalLabel('remarks')} />
              </Form.Item>
            </Col>
            {!original && (
              <Col xs={24} md={8}>
                <Form.Item name="handler" label="登记经办人">
                  <Input maxLength={30} aria-label="登记经办人" />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>
      </Form>
    </div>
  );
}
