import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { HandlingUnit, ProposalAction, ProposalDetail, ProposalListRow } from '../../../../shared/contract';
import {
  deriveWorkflow,
  EVENT_TEXT_LABELS,
  PROPOSAL_EVENT_LABELS,
  REPLY_CLASSES,
  replyClassLabel,
  SATISFACTION_LABELS,
  SATISFACTIONS,
  type ProposalEventType,
  type ReplyClass,
  type Satisfaction,
} from '../../../../shared/domain/proposal-workflow';
import { api, errorMessage } from '../../api';
import { notAfterToday } from '../../components/form-errors';
import { useModalForm } from '../../hooks/use-modal-form';
import { AddUnitInline } from './AddUnitInline';
import { useAppState } from '../../state/app-state';

export type ActionType = Exclude<ProposalEventType, 'register'>;

interface Values {
  date?: Dayjs;
  handler?: string;
  text?: string;
  targetId?: number;
  leadUnitId?: number;
  coUnitIds?: number[];
  deadline?: Dayjs;
  unitId?: number;
  replyClass?: ReplyClass;
  satisfaction?: Satisfaction;
}

const TITLES: Partial<Record<ActionType, string>> = {
  reject: '不予立案（理由将书面告知提案人）',
  feedback: '登记提案人对答复的意见',
  supervise: '督办：交承办部门重新办理',
};

interface Props {
  proposal: ProposalDetail;
  type: ActionType | null;
  /** 答复截止 of the session: the default 办理期限 of a first 交办. */
  replyDeadline: string | null;
  onClose: () => void;
  onDone: (p: ProposalDetail) => void;
}

/** One workflow step: date, 经办人 and text for every step, plus the fields the step itself needs. */
export function ActionModal({ proposal, type, replyDeadline, onClose, onDone }: Props) {
  const { settings } = useAppState();
  const { message } = App.useApp();
  const { form, saving, problem: refusal, setProblem: setRefusal, submit } = useModalForm<Values>({ onlyGeneral: true });
  const [units, setUnits] = useState<HandlingUnit[]>([]);
  const [targets, setTargets] = useState<ProposalListRow[]>([]);
  const view = useMemo(() => deriveWorkflow(proposal.events), [proposal.events]);
  const leadUnitId = Form.useWatch('leadUnitId', form);
  // Popups (select lists, calendars) open in this dialog: Esc closes the popup first, then the dialog.
  const [openPopups, setOpenPopups] = useState<string[]>([]);
  const popup = (key: string) => (open: boolean) => setOpenPopups((l) => [...l.filter((k) => k !== key), ...(open ? [key] : [])]);
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || openPopups.length > 0) return;
    e.stopPropagation();
    onClose();
  };

  useEffect(() => {
    if (!type) return;
    let live = true;
    if (type === 'assign' || type === 'supervise') api.call('handlingUnits.list', {}).then((u) => live && setUnits(u)).catch((e: unknown) => setRefusal(errorMessage(e)));
    if (type === 'merge') {
      api
        .call('proposals.list', { sessionId: proposal.sessionId, kind: 'proposal', states: ['filed', 'assigned', 'replied', 'feedback'], limit: 2000 })
        .then((r) => live && setTargets(r.rows.filter((x) => x.id !== proposal.id)))
        .catch((e: unknown) => setRefusal(errorMessage(e)));
    }
    return () => {
      live = false;
    };
  }, [type, proposal.sessionId, proposal.id, setRefusal]);

  const roundUnits = [
    ...(view.leadUnitId ? [{ id: view.leadUnitId, name: proposal.leadUnit ?? '', lead: true }] : []),
    ...proposal.coUnits.map((u) => ({ ...u, lead: false })),
  ].filter((u) => !view.repliedUnitIds.includes(u.id));

  const today = dayjs();
  const defaultDeadline = type === 'assign' && replyDeadline && replyDeadline >= today.format('YYYY-MM-DD') ? dayjs(replyDeadline) : today.add(15, 'day');
  const initial: Values = {
    date: today,
    handler: settings.operator || undefined,
    ...(type === 'assign' || type === 'supervise'
      ? { deadline: defaultDeadline, leadUnitId: type === 'supervise' ? (view.leadUnitId ?? undefined) : (proposal.suggestedUnit?.id ?? undefined), coUnitIds: [] }
      : {}),
    ...(type === 'reply' ? { unitId: roundUnits[0]?.id } : {}),
  };

  const save = async (type: ActionType, v: Values) => {
    const base = { proposalId: proposal.id, date: v.date!.format('YYYY-MM-DD'), handler: v.handler?.trim() || null, text: v.text?.trim() || null };
    const round = { leadUnitId: v.leadUnitId!, coUnitIds: v.coUnitIds ?? [], deadline: v.deadline?.format('YYYY-MM-DD') ?? '' };
    const action: ProposalAction =
      type === 'merge'
        ? { ...base, type, targetId: v.targetId! }
        : type === 'reject'
          ? { ...base, type, text: base.text ?? '' }
          : type === 'assign' || type === 'supervise'
            ? { ...base, type, ...round }
            : type === 'reply'
              ? { ...base, type, unitId: v.unitId!, replyClass: v.replyClass! }
              : type === 'feedback'
                ? { ...base, type, satisfaction: v.satisfaction! }
                : { ...base, type };
    const p = await api.call('proposals.act', action);
    message.success(`已办理「${PROPOSAL_EVENT_LABELS[type]}」`);
    onDone(p);
  };

  const activeUnits = units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  // The new unit joins the list and, if no 主办 is chosen yet, becomes it.
  const addedUnit = (u: HandlingUnit) => {
    setUnits((list) => [...list.filter((x) => x.id !== u.id), u]);
    if (!form.getFieldValue('leadUnitId')) form.setFieldValue('leadUnitId', u.id);
    message.success(`已添加承办部门「${u.name}」`);
  };
  return (
    <Modal
      title={type ? `${TITLES[type] ?? PROPOSAL_EVENT_LABELS[type]}：${proposal.number}` : ''}
      open={!!type}
      onCancel={onClose}
      onOk={() => type && void submit((v) => save(type, v))}
      okText="办理"
      confirmLoading={saving}
      destroyOnHidden
      width={600}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="action-refusal" />}
      {type && (
        <div onKeyDownCapture={escape}>
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial} aria-label={PROPOSAL_EVENT_LABELS[type]}>
          {type === 'merge' && (
            <Form.Item name="targetId" label="并入提案" rules={[{ required: true, message: '请选择并入哪一件提案' }]} extra="只能并入本届已立案、尚未办结的提案；本提案的编号保留。">
              <Select aria-label="并入提案" onOpenChange={popup('target')} showSearch={{ optionFilterProp: 'label' }} options={targets.map((t) => ({ value: t.id, label: `${t.number}　${t.title}` }))} />
            </Form.Item>
          )}
          {(type === 'assign' || type === 'supervise') && (
            <>
              <Form.Item label="主办部门" required extra={<AddUnitInline empty={!activeUnits.length} onAdded={addedUnit} />}>
                <Form.Item name="leadUnitId" noStyle rules={[{ required: true, message: '请选择主办部门' }]}>
                  <Select
                    aria-label="主办部门"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={activeUnits}
                    onOpenChange={popup('lead')}
                    notFoundContent="没有这个部门，可在下方添加"
                  />
                </Form.Item>
              </Form.Item>
              <Form.Item name="coUnitIds" label="协办部门">
                <Select mode="multiple" aria-label="协办部门" showSearch={{ optionFilterProp: 'label' }} options={activeUnits.filter((u) => u.value !== leadUnitId)} placeholder="可不选" onOpenChange={popup('co')} />
              </Form.Item>
              <Form.Item name="deadline" label="办理期限" rules={[{ required: true, message: '请选择办理期限' }]}>
                <DatePicker style={{ width: 200 }} aria-label="办理期限" onOpenChange={popup('deadline')} />
              </Form.Item>
            </>
          )}
          {type === 'reply' && (
            <>
              <Form.Item name="unitId" label="答复部门" rules={[{ required: true, message: '请选择答复部门' }]} extra="主办部门的答复为正式答复；协办部门的意见也可在此登记。">
                <Select aria-label="答复部门" onOpenChange={popup('unit')} options={roundUnits.map((u) => ({ value: u.id, label: `${u.name}（${u.lead ? '主办' : '协办'}）` }))} />
              </Form.Item>
              <Form.Item name="replyClass" label="答复类别" rules={[{ required: true, message: '请选择答复类别' }]}>
                <Radio.Group aria-label="答复类别" options={REPLY_CLASSES.map((c) => ({ value: c, label: replyClassLabel(c) }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
              </Form.Item>
            </>
          )}
          {type === 'feedback' && (
            <Form.Item name="satisfaction" label="提案人对答复的意见" rules={[{ required: true, message: '请选择提案人的意见' }]}>
              <Radio.Group aria-label="提案人意见" options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} optionType="button" buttonStyle="solid" />
            </Form.Item>
          )}
          <Form.Item
            name="text"
            label={EVENT_TEXT_LABELS[type]}
            rules={type === 'reject' ? [{ required: true, whitespace: true, message: '请写明不予立案的理由' }] : []}
          >
            <Input.TextArea aria-label={EVENT_TEXT_LABELS[type]} maxLength={5000} autoSize={{ minRows: type === 'reply' ? 5 : 2, maxRows: 12 }} />
          </Form.Item>
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }, notAfterToday]}>
              <DatePicker style={{ width: 180 }} aria-label="日期" onOpenChange={popup('date')} />
            </Form.Item>
            <Form.Item name="handler" label="经办人">
              <Input maxLength={30} style={{ width: 180 }} aria-label="经办人" />
            </Form.Item>
          </div>
        </Form>
        </div>
      )}
    </Modal>
  );
}
