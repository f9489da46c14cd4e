import { App, Button, Form, Result, Spin, type FormInstance } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MemberDetail } from '../../../../shared/contract';
import { api, errorMessage, isApiError } from '../../api';
import { useChannel } from '../../api/use-channel';
import { issuesToFields } from '../../components/form-errors';
import { useGroupTree } from '../../components/members/use-group-tree';
import { useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';
import { lastListAddress } from './list-address';
import type { SavedState } from './MemberDetailPage';
import { MemberFormSections } from './MemberFormSections';
import { detailToValues, mapIssues, NEW_MEMBER_VALUES, valuesToArrival, valuesToInput, type MemberFormValues } from './member-form-values';
import { useIdCheck } from './use-id-check';
import { FormHeader, FormProblem, useLeaveGuard } from '../../components/form';

const OVERLAYS = '.ant-select-dropdown, .ant-picker-dropdown, .ant-modal-wrap, .ant-popover';

/** A dropdown, date panel or dialog is showing (hidden ones stay in the DOM with a -hidden class). */
function overlayOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>(OVERLAYS)].some(
    (el) => !/-hidden\b/.test(el.className) && el.getClientRects().length > 0,
  );
}

type FieldList = Parameters<FormInstance<MemberFormValues>['setFields']>[0];

/** 新增会员 (/members/new) and 编辑 (/members/:id/edit): Ctrl+S saves, Esc cancels. */
export function MemberFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : undefined;
  const { data: original = null, problem: loadProblem } = useChannel('members.get', editId && editId > 0 ? { id: editId } : null);
  const navigate = useNavigate();

  if (editId !== undefined && (!Number.isInteger(editId) || editId <= 0)) {
    return <Result status="404" title="没有这个会员" extra={<Button onClick={() => void navigate('/members')}>返回名册</Button>} />;
  }
  if (loadProblem) {
    return <Result status="warning" title="会员信息没有打开" subTitle={loadProblem} extra={<Button onClick={() => void navigate('/members')}>返回名册</Button>} />;
  }
  if (editId && !original) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description="正在打开…" />
      </div>
    );
  }
  return <MemberForm key={original?.id ?? 'new'} original={original} />;
}

function MemberForm({ original }: { original: MemberDetail | null }) {
  const isNew = !original;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { settings } = useAppState();
  const { tree } = useGroupTree();
  const [form] = Form.useForm<MemberFormValues>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const { state: idCheck, checkNow, showServerError } = useIdCheck(form, original?.id);
  const idNumber = (Form.useWatch('idNumber', form) ?? '') as string;
  const idType = Form.useWatch('idType', form) ?? 'resident';
  const arrivalType = Form.useWatch('arrivalType', form);
  const derivedFromId =
    idType === 'resident' && idCheck.kind === 'checked' && idCheck.result.ok && idCheck.forNumber === idNumber.trim();

  const { leave, busy } = useLeaveGuard(() => form.isFieldsTouched());
  const cancel = () => leave(original ? `/members/${original.id}` : lastListAddress());

  const save = async () => {
    if (saving || busy()) return;
    setGeneral(null);
    try {
      await form.validateFields();
    } catch {
      message.error('有内容需要修改，未保存。');
      return;
    }
    const values = form.getFieldsValue(true) as MemberFormValues;
    const check = await checkNow();
    if (check.kind === 'checked' && (!check.result.ok || check.result.duplicateOf)) {
      message.error('证件号码有误，未保存。');
      form.scrollToField('idNumber');
      return;
    }
    setSaving(true);
    try {
      const member = valuesToInput(values);
      const saved = original
        ? await api.call('members.update', { id: original.id, member, expectedUpdatedAt: original.updatedAt })
        : await api.call('members.create', { member, ...withArrival(valuesToArrival(values, settings.operator)) });
      message.success(isNew ? `已新增会员 ${saved.name}` : '已保存');
      const state: SavedState = { warnings: saved.warnings };
      void navigate(`/members/${saved.id}`, { replace: true, state });
    } catch (e) {
      showErrors(e);
    } finally {
      setSaving(false);
    }
  };

  const showErrors = (e: unknown) => {
    if (isApiError(e) && e.issues.length) {
      const { fields, general: rest } = issuesToFields(mapIssues(e.issues));
      const idIssue = fields.find((f) => f.name.length === 1 && f.name[0] === 'idNumber');
      if (idIssue) showServerError(idIssue.errors.join('；'));
      form.setFields(fields.filter((f) => f !== idIssue && f.name.length) as FieldList);
      const first = fields[0];
      if (first?.name.length) form.scrollToField(first.name as never);
      setGeneral(rest[0] ?? e.message);
    } else {
      setGeneral(errorMessage(e));
    }
  };

  useShortcut('ctrl+s', () => void save());
  useShortcut('escape', () => {
    // Esc inside an open dropdown or dialog closes that, not the form.
    if (overlayOpen()) return;
    // After this key event is done: a dialog opened during it would see the same Esc and close at once.
    setTimeout(cancel, 0);
  });

  return (
    <div data-testid="member-form">
      <FormHeader title={isNew ? '新增会员' : `编辑：${original.name}`} saving={saving} onCancel={cancel} onSave={() => void save()} />
      <FormProblem text={general} onClose={() => setGeneral(null)} />
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        aria-label={isNew ? '新增会员' : '编辑会员'}
        initialValues={original ? detailToValues(original) : NEW_MEMBER_VALUES}
        scrollToFirstError
      >
        <MemberFormSections
          isNew={isNew}
          tree={tree}
          idCheck={idCheck}
          idNumber={idNumber}
          derivedFromId={derivedFromId}
          arrivalType={arrivalType}
          onOpenMember={(otherId) => leave(`/members/${otherId}`)}
        />
      </Form>
    </div>
  );
}

const withArrival = <T,>(arrival: T | undefined) => (arrival ? { arrival } : {});
