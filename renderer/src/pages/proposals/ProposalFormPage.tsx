import { Button, Result, Spin } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CongressSession } from '../../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { ProposalForm } from './ProposalForm';
import { useSessions } from './use-sessions';

/** 登记提案 (/proposals/new?session=) and 编辑 (/proposals/:id/edit). */
export function ProposalFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : undefined;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { sessions, loaded } = useSessions();
  const { data: original = null, problem } = useChannel('proposals.get', editId && editId > 0 ? { id: editId } : null);

  const back = () => void navigate('/proposals');
  if (editId !== undefined && (!Number.isInteger(editId) || editId <= 0)) {
    return <Result status="404" title="没有这件提案" extra={<Button onClick={back}>返回登记簿</Button>} />;
  }
  if (problem) return <Result status="warning" title="提案没有打开" subTitle={problem} extra={<Button onClick={back}>返回登记簿</Button>} />;
  if ((editId && !original) || !loaded) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description="正在打开…" />
      </div>
    );
  }
  const wanted = original?.sessionId ?? Number(params.get('session'));
  const session: CongressSession | undefined = sessions.find((s) => s.id === wanted) ?? (original ? undefined : sessions[0]);
  if (!session) {
    return <Result status="info" title="还没有届次" subTitle="先在「届次与代表」中新建届次并添加代表。" extra={<Button onClick={() => void navigate('/proposals/sessions')}>去新建届次</Button>} />;
  }
  return <ProposalForm key={original?.id ?? `new-${session.id}`} session={session} original={original} />;
}
