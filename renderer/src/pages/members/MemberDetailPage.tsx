import { ApartmentOutlined, EditOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { MemberDetail } from '../../../../shared/contract';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { DetailBar } from '../../components/detail/DetailBar';
import { SaveWarnings } from '../../components/detail/SaveWarnings';
import { MemberFlags, StatusTag } from '../../components/members/StatusTag';
import { PrintPreview } from '../../components/print/PrintPreview';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { allowedEventTypes, EventModal } from './EventModal';
import { MemberDescriptions } from './MemberDescriptions';
import { MemberTimeline } from './MemberTimeline';
import { MemberCareCard } from '../care/MemberCareCard';
import { MemberLedgerCard } from '../plans/MemberLedgerCard';
import { RecordHistoryButton } from '../operators/RecordHistoryButton';
import { MoveGroupModal } from './MoveGroupModal';
import { lastListAddress } from './list-address';

/** What the form hands over after a save: the non-blocking notes the core returned. */
export interface SavedState {
  warnings?: string[];
}

type Dialog = 'event' | 'move' | 'print' | null;

/** Back to the list as the clerk left it (search, filters and sort are kept in the address). */
export function useBack() {
  const navigate = useNavigate();
  return useCallback(() => void navigate(lastListAddress()), [navigate]);
}

/** One member: every field grouped like the 登记表, the lifecycle timeline, and what can be done next. */
export function MemberDetailPage() {
  const { id } = useParams();
  const memberId = Number(id);
  const navigate = useNavigate();
  const location = useLocation();
  const loaded = useChannel('members.get', Number.isInteger(memberId) && memberId > 0 ? { id: memberId } : null);
  const { data: member, problem } = loaded;
  const [dialog, setDialogState] = useState<Dialog>(null);
  // Each opening is a new session: the dialog's form starts from its defaults (today, the operator), not from
  // what was typed the last time.
  const [session, setSession] = useState(0);
  const setDialog = useCallback((d: Dialog) => {
    if (d) setSession((n) => n + 1);
    setDialogState(d);
  }, []);
  const [warnings, setWarnings] = useState<string[]>(() => (location.state as SavedState | null)?.warnings ?? []);

  useShortcut('ctrl+p', () => setDialog('print'), !!member);

  if (!Number.isInteger(memberId) || memberId <= 0) {
    return <Result status="404" title="没有这个会员" extra={<Button onClick={() => void navigate('/members')}>返回名册</Button>} />;
  }
  if (problem && !member) {
    return <Result status="warning" title="会员信息没有打开" subTitle={problem} extra={<Button onClick={() => void navigate('/members')}>返回名册</Button>} />;
  }
  if (!member) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description="正在打开…" />
      </div>
    );
  }

  const canChange = allowedEventTypes(member).length > 0;
  return (
    <div data-testid="member-detail">
      <DetailHeader member={member} canChange={canChange} onDialog={setDialog} />
      <SaveWarnings warnings={warnings} onClose={() => setWarnings([])} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <MemberDescriptions m={member} />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="会籍变动记录" extra={<StatusTag status={member.status} />}>
            <MemberTimeline events={member.events} />
          </Card>
          <MemberLedgerCard memberId={member.id} />
          <MemberCareCard memberId={member.id} />
        </Col>
      </Row>
      <EventModal
        key={`event-${session}`}
        member={member}
        open={dialog === 'event'}
        onClose={() => setDialog(null)}
        onDone={(m) => {
          loaded.set(m);
          setDialog(null);
        }}
      />
      <MoveGroupModal
        key={`move-${session}`}
        member={member}
        open={dialog === 'move'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void loaded.reload();
        }}
      />
      <PrintPreview
        open={dialog === 'print'}
        docKey={String(member.id)}
        load={() => api.call('members.registrationHtml', { id: member.id }).then((r) => ({ html: r.html, title: '工会会员登记表' }))}
        makePdf={() => api.call('members.registrationPdf', { id: member.id })}
        onClose={() => setDialog(null)}
        testId="registration-preview"
        title={`${member.name} 的工会会员登记表`}
      />
    </div>
  );
}

function DetailHeader({ member, canChange, onDialog }: { member: MemberDetail; canChange: boolean; onDialog: (d: Dialog) => void }) {
  const navigate = useNavigate();
  const back = useBack();
  return (
    <DetailBar
      onBack={back}
      actions={
        <>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/members/${member.id}/edit`)}>
            编辑
          </Button>
          <Tooltip title={canChange ? '入会、转入、转出、保留会籍、恢复会籍、退会、开除会籍、去世' : '当前状态下没有可办理的变动'}>
            <Button icon={<SwapOutlined />} disabled={!canChange} onClick={() => onDialog('event')}>
              办理会籍变动
            </Button>
          </Tooltip>
          <Button icon={<ApartmentOutlined />} onClick={() => onDialog('move')}>
            调整小组
          </Button>
          <RecordHistoryButton entity="member" entityId={member.id} name={member.name} />
          <Tooltip title={`打印登记表（${keyLabel('ctrl+p')}）`}>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => onDialog('print')}>
              打印登记表
            </Button>
          </Tooltip>
        </>
      }
    >
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-name">
        {member.name}
      </Typography.Title>
      <StatusTag status={member.status} />
      <MemberFlags flags={member.flags} />
      {member.memberNo && <Typography.Text type="secondary">会员证号 {member.memberNo}</Typography.Text>}
    </DetailBar>
  );
}
