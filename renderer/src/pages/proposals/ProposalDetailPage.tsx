import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Alert, Button, Card, Col, Result, Row, Spin, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { PrintRequest } from '../../../../shared/contract';
import { allowedActions, PROPOSAL_EVENT_LABELS } from '../../../../shared/domain/proposal-workflow';
import { useChannel } from '../../api/use-channel';
import { DetailBar } from '../../components/detail/DetailBar';
import { SaveWarnings } from '../../components/detail/SaveWarnings';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { ActionModal, type ActionType } from './ActionModal';
import { AttachmentsCard } from './AttachmentsCard';
import { PrintModal } from './PrintModal';
import { ProposalFields } from './ProposalFields';
import { ProposalTimeline } from './ProposalTimeline';
import { RecordHistoryButton } from '../operators/RecordHistoryButton';
import { StateTag } from './StateTag';

/** Steps that end or turn away a proposal get a quieter button than the step that moves it on. */
const QUIET: readonly ActionType[] = ['merge', 'convert', 'reject', 'withdraw', 'supervise'];

/** One proposal: the 提案表 fields, the workflow timeline, and the steps its state allows now. */
export function ProposalDetailPage() {
  const { id } = useParams();
  const proposalId = Number(id);
  const navigate = useNavigate();
  const location = useLocation();
  const loaded = useChannel('proposals.get', Number.isInteger(proposalId) && proposalId > 0 ? { id: proposalId } : null);
  const sessions = useChannel('sessions.list', {});
  const p = loaded.data;
  const session = sessions.data?.find((s) => s.id === p?.sessionId) ?? null;
  const problem = loaded.problem ?? sessions.problem;
  const [action, setAction] = useState<ActionType | null>(null);
  const [opening, setOpening] = useState(0);
  const [print, setPrint] = useState<PrintRequest | null>(null);
  const [warnings, setWarnings] = useState<string[]>(() => (location.state as { warnings?: string[] } | null)?.warnings ?? []);

  const actions = useMemo(() => (p ? (allowedActions(p.kind, p.events, dayjs().format('YYYY-MM-DD')) as ActionType[]) : []), [p]);
  useShortcut('ctrl+p', () => p && setPrint({ form: 'sheet', id: p.id }), !!p);

  const back = () => void navigate(p ? `/proposals?session=${p.sessionId}` : '/proposals');
  if (!Number.isInteger(proposalId) || proposalId <= 0) {
    return <Result status="404" title="没有这件提案" extra={<Button onClick={back}>返回登记簿</Button>} />;
  }
  if (loaded.problem && !p) return <Result status="warning" title="提案没有打开" subTitle={loaded.problem} extra={<Button onClick={back}>返回登记簿</Button>} />;
  if (!p) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description="正在打开…" />
      </div>
    );
  }

  const kindWord = p.kind === 'opinion' ? '意见建议表' : '提案表';
  return (
    <div data-testid="proposal-detail">
      <DetailBar
        onBack={back}
        marginBottom={12}
        actions={
          <>
            <Button icon={<EditOutlined />} onClick={() => void navigate(`/proposals/${p.id}/edit`)}>
              编辑
            </Button>
            <Tooltip title={`打印${kindWord}（${keyLabel('ctrl+p')}）`}>
              <Button icon={<PrinterOutlined />} onClick={() => setPrint({ form: 'sheet', id: p.id })}>
                打印{kindWord}
              </Button>
            </Tooltip>
            <RecordHistoryButton entity="proposal" entityId={p.id} name={p.number} />
          </>
        }
      >
        <Typography.Text strong data-testid="proposal-number" style={{ fontSize: 16 }}>
          {p.number}
        </Typography.Text>
        <StateTag row={p} />
      </DetailBar>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="proposal-title">
        {p.title}
      </Typography.Title>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 16 }} data-testid="proposal-actions">
        <Typography.Text type="secondary">{actions.length ? '可办理：' : '当前状态下没有可办理的步骤。'}</Typography.Text>
        {actions.map((a) => (
          <Button
            key={a}
            type={QUIET.includes(a) ? 'default' : 'primary'}
            danger={a === 'reject'}
            onClick={() => {
              setOpening((n) => n + 1);
              setAction(a);
            }}
          >
            {PROPOSAL_EVENT_LABELS[a]}
          </Button>
        ))}
      </div>
      <SaveWarnings warnings={warnings} onClose={() => setWarnings([])} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <ProposalFields p={p} />
          <AttachmentsCard p={p} onChange={loaded.set} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="办理过程">
            <ProposalTimeline proposal={p} />
          </Card>
        </Col>
      </Row>
      <ActionModal
        key={`a-${opening}`}
        proposal={p}
        type={action}
        replyDeadline={session?.replyDeadline ?? null}
        onClose={() => setAction(null)}
        onDone={(d) => {
          setAction(null);
          // The notes were about the registration; once the proposal moves on they are history.
          setWarnings([]);
          loaded.set(d);
          void loaded.reload();
        }}
      />
      <PrintModal request={print} onClose={() => setPrint(null)} />
    </div>
  );
}
