import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { UnionUnit } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { MemberTable } from '../../components/members/MemberTable';
import { MEMBER_COLUMNS } from '../../components/members/member-columns';
import { useGroupTree, type GroupTreeNode } from '../../components/members/use-group-tree';
import { useMemberPages } from '../../components/members/use-member-pages';
import { GroupEditModal, type GroupEdit } from './GroupEditModal';

/** A narrower set for the side panel, so 状态 stays in view without scrolling sideways. */
const PANEL_WIDTHS: Record<string, number> = { name: 130, gender: 52, age: 52, phone: 120, group: 120, status: 84 };
const PANEL_COLUMNS = MEMBER_COLUMNS.filter((c) => c.key in PANEL_WIDTHS).map((c) => ({ ...c, width: PANEL_WIDTHS[c.key]! }));

function NodeTitle({ unit }: { unit: UnionUnit }) {
  return (
    <span data-testid="group-node" data-unit-id={unit.id}>
      <span style={{ marginRight: 6 }}>{unit.name}</span>
      <Tag color={unit.kind === 'branch' ? 'volcano' : 'blue'} style={{ marginInlineEnd: 6 }}>
        {unit.kind === 'branch' ? '分工会' : '小组'}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unit.leaderName ? `${unit.kind === 'group' ? '组长' : '负责人'} ${unit.leaderName} · ` : ''}
        {unit.memberCount} 人
      </Typography.Text>
    </span>
  );
}

const toTreeData = (nodes: GroupTreeNode[]): { key: number; title: React.ReactNode; children: unknown[] }[] =>
  nodes.map((n) => ({ key: n.key, title: <NodeTitle unit={n.unit} />, children: toTreeData(n.children) }));

/** 组织结构: 分工会 → 工会小组 with 组长 and counts; a chosen node shows its members. */
export function GroupsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { units, tree, loaded, reload } = useGroupTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [edit, setEditState] = useState<GroupEdit | null>(null);
  // A new dialog session (and so a fresh form) for every opening.
  const [session, setSession] = useState(0);
  const setEdit = (e: GroupEdit | null) => {
    if (e) setSession((n) => n + 1);
    setEditState(e);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const selected = units.find((u) => u.id === selectedId) ?? null;
  const treeData = useMemo(() => toTreeData(tree), [tree]);

  const remove = async (unit: UnionUnit) => {
    setProblem(null);
    try {
      await api.call('groups.remove', { id: unit.id });
      message.success(`已删除「${unit.name}」`);
      setSelectedId(null);
      await reload();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10} xxl={8}>
        <Card
          size="small"
          title="分工会与工会小组"
          extra={
            <Space>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEdit({ mode: 'create', kind: 'branch', parentId: null })}>
                新建分工会
              </Button>
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() =>
                  setEdit({
                    mode: 'create',
                    kind: 'group',
                    parentId: selected?.kind === 'branch' ? selected.id : (selected?.parentId ?? null),
                  })
                }
              >
                新建小组
              </Button>
            </Space>
          }
        >
          {loaded && !units.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有建立分工会和工会小组。先新建一个分工会，再在其下新建小组。" />
          ) : (
            <Tree
              data-testid="group-tree"
              blockNode
              showLine
              defaultExpandAll
              key={units.length}
              treeData={treeData as never}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                setProblem(null);
                setSelectedId(keys.length ? Number(keys[0]) : null);
              }}
              style={{ minHeight: 200 }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14} xxl={16}>
        {!selected ? (
          <Card size="small">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="在左侧选择一个分工会或小组，查看其会员" />
          </Card>
        ) : (
          <Card
            size="small"
            data-testid="group-panel"
            title={
              <Space>
                {selected.kind === 'branch' ? <ApartmentOutlined /> : <TeamOutlined />}
                {selected.name}
              </Space>
            }
            extra={
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEdit({ mode: 'edit', unit: selected })}>
                  改名 / 设{selected.kind === 'group' ? '组长' : '负责人'}
                </Button>
                <Popconfirm
                  title={`删除「${selected.name}」？`}
                  description="只能删除没有会员、也没有下级小组的组织。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(selected)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="group-problem" />}
            <Descriptions
              size="small"
              column={3}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'kind', label: '类别', children: selected.kind === 'branch' ? '分工会' : '工会小组' },
                { key: 'leader', label: selected.kind === 'group' ? '组长' : '负责人', children: selected.leaderName ?? '（未设）' },
                { key: 'count', label: '会员', children: `${selected.memberCount} 人` },
              ]}
            />
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">在册和保留会籍的会员{selected.kind === 'branch' ? '（含下级小组）' : ''}</Typography.Text>
              <Typography.Link onClick={() => void navigate(`/members?group=${selected.id}`)}>在名册中查看</Typography.Link>
            </Space>
            <GroupMembers unit={selected} reloadKey={reloadKey} onRetry={() => setReloadKey((k) => k + 1)} />
          </Card>
        )}
      </Col>
      <GroupEditModal
        key={session}
        edit={edit}
        tree={tree}
        onClose={() => setEdit(null)}
        onDone={(unit) => {
          setEdit(null);
          setSelectedId(unit.id);
          setReloadKey((k) => k + 1);
          void reload();
        }}
      />
    </Row>
  );
}

/** The members of one unit (a 分工会 includes its groups), in the same virtual table as the list. */
function GroupMembers({ unit, reloadKey, onRetry }: { unit: UnionUnit; reloadKey: number; onRetry: () => void }) {
  const navigate = useNavigate();
  const query = useMemo(() => ({ groupId: unit.id, includeSubgroups: true }), [unit.id]);
  const cache = useMemberPages(query, reloadKey);
  return (
    <MemberTable
      cache={cache}
      columns={PANEL_COLUMNS}
      sort={{ sortBy: 'name', sortOrder: 'asc' }}
      onOpen={(row) => void navigate(`/members/${row.id}`)}
      onRetry={onRetry}
      height="max(260px, calc(100vh - 420px))"
      emptyText="这里还没有会员"
      label={`${unit.name}的会员`}
    />
  );
}
