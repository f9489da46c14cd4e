import { DeleteOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CongressSession, Representative } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { AddRepsModal } from './AddRepsModal';
import { DelegationEdit } from './DelegationEdit';
import { SessionModal } from './SessionModal';
import { useCurrentSession, useSessions } from './use-sessions';

type Dialog = { kind: 'session'; session: CongressSession | null } | { kind: 'reps' } | null;

/** 届次与代表: the sessions, and the representatives of the chosen one grouped by 代表团. */
export function SessionsPage() {
  const { message } = App.useApp();
  const { sessions, loaded, reload } = useSessions();
  const { current, choose } = useCurrentSession(sessions);
  const [dialog, setDialogState] = useState<Dialog>(null);
  const [opening, setOpening] = useState(0);
  const setDialog = (d: Dialog) => {
    if (d) setOpening((n) => n + 1);
    setDialogState(d);
  };
  const [reps, setReps] = useState<Representative[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const loadReps = useCallback(async () => {
    if (!current) return setReps([]);
    try {
      setReps(await api.call('representatives.list', { sessionId: current.id }));
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }, [current]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void loadReps();
  }, [loadReps]);

  const delegations = useMemo(() => [...new Set(reps.map((r) => r.delegation))], [reps]);
  const newest = sessions[0];
  const suggestion = newest ? { term: newest.term, meeting: newest.meeting + 1 } : { term: 1, meeting: 1 };

  const removeSession = async (s: CongressSession) => {
    try {
      await api.call('sessions.remove', { id: s.id });
      message.success(`已删除 ${s.label}`);
      await reload();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const removeRep = async (r: Representative) => {
    try {
      await api.call('representatives.remove', { id: r.id });
      message.success(`已将 ${r.name} 移出代表名单`);
      await Promise.all([loadReps(), reload()]);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title="届次"
          extra={
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'session', session: null })}>
              新建届次
            </Button>
          }
        >
          {loaded && !sessions.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有届次。先新建一届代表大会（如第五届第二次），再添加代表。" />
          ) : (
            <Table<CongressSession>
              size="small"
              rowKey="id"
              data-testid="sessions-table"
              pagination={false}
              dataSource={sessions}
              rowClassName={(s) => (s.id === current?.id ? 'ant-table-row-selected' : '')}
              onRow={(s) => ({ onClick: () => choose(s.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: '届次', dataIndex: 'label', render: (v: string) => <b>{v}</b> },
                { title: '开幕', dataIndex: 'startDate', render: (v: string | null) => v ?? '—' },
                { title: '代表', dataIndex: 'representativeCount', align: 'right' },
                { title: '提案', dataIndex: 'proposalCount', align: 'right' },
                { title: '意见建议', dataIndex: 'opinionCount', align: 'right' },
                {
                  title: '逾期',
                  dataIndex: 'overdueCount',
                  align: 'right',
                  render: (n: number) => (n ? <Tag color="error">{n}</Tag> : 0),
                },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        {problem && <Alert type="error" showIcon closable={{ onClose: () => setProblem(null), 'aria-label': '关闭' }} title={problem} style={{ marginBottom: 12 }} />}
        {current && (
          <Card
            size="small"
            title={<span data-testid="session-title">{current.title}</span>}
            extra={
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'session', session: current })}>
                  编辑届次
                </Button>
                <Popconfirm
                  title={`删除 ${current.label}？`}
                  description="只有还没有登记提案的届次可以删除。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => void removeSession(current)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="会期">{[current.startDate, current.endDate].filter(Boolean).join(' 至 ') || '未定'}</Descriptions.Item>
              <Descriptions.Item label="附议人至少">{current.minSeconders} 人</Descriptions.Item>
              <Descriptions.Item label="征集截止">{current.collectionDeadline ?? '未定'}</Descriptions.Item>
              <Descriptions.Item label="答复截止">{current.replyDeadline ?? '未定'}</Descriptions.Item>
            </Descriptions>
            <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
              <Typography.Text strong>代表名单</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }} data-testid="rep-count">
                共 {reps.length} 人，{delegations.length} 个代表团
              </Typography.Text>
              <div style={{ flex: 1 }} />
              <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'reps' })}>
                添加代表
              </Button>
            </div>
            <Table<Representative>
              size="small"
              rowKey="id"
              data-testid="reps-table"
              dataSource={reps}
              pagination={reps.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: '还没有代表。代表从会员档案中选择。' }}
              columns={[
                {
                  title: '代表团',
                  dataIndex: 'delegation',
                  width: 170,
                  render: (_v, r) => <DelegationEdit rep={r} options={delegations} onSaved={() => void loadReps()} onError={setProblem} />,
                },
                { title: '姓名', dataIndex: 'name', width: 90 },
                { title: '工会小组', dataIndex: 'group', render: (v: string | null) => v ?? '' },
                { title: '提案', dataIndex: 'proposalCount', align: 'right', width: 56 },
                { title: '附议', dataIndex: 'secondedCount', align: 'right', width: 56 },
                {
                  title: '',
                  key: 'remove',
                  width: 56,
                  render: (_v, r) => (
                    <Popconfirm title={`将 ${r.name} 移出代表名单？`} okText="移出" cancelText="取消" onConfirm={() => void removeRep(r)}>
                      <Button size="small" type="link" danger aria-label={`移出 ${r.name}`}>
                        移出
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Col>
      <SessionModal
        key={`s-${opening}`}
        open={dialog?.kind === 'session'}
        session={dialog?.kind === 'session' ? dialog.session : null}
        suggestion={suggestion}
        onClose={() => setDialog(null)}
        onSaved={(s) => {
          setDialog(null);
          message.success(`已保存 ${s.label}`);
          choose(s.id);
          void reload();
        }}
      />
      {current && (
        <AddRepsModal
          key={`r-${opening}`}
          open={dialog?.kind === 'reps'}
          sessionId={current.id}
          delegations={delegations}
          onClose={() => setDialog(null)}
          onDone={(added, already) => {
            setDialog(null);
            message.success(`已添加 ${added} 名代表${already ? `，${already} 人已在名单中` : ''}`);
            void loadReps();
            void reload();
          }}
        />
      )}
    </Row>
  );
}
