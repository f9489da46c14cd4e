import { Alert, AutoComplete, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ProposalImportFixes } from '../../../../../shared/contract';
import { api, errorMessage } from '../../../api';

interface Props {
  fixes: ProposalImportFixes;
  sessionId: number;
  sessionLabel: string;
  /** 代表团 already used in the session, offered for people the register gives none. */
  delegations: string[];
  busy: boolean;
  /** Called after a fix was saved: the preview is checked again. */
  onFixed: (what: string) => void;
}

const rowsText = (rows: number[]) => `第 ${rows.slice(0, 8).join('、')}${rows.length > 8 ? ' 等' : ''} 行`;

/**
 * What the clerk can put right in the app instead of in the file: members named in the register who are not
 * yet representatives of the session, 类别 missing from the list, 承办部门 missing from the units. Each fix is
 * an ordinary change through its own channel (with its audit entry), made before the import and kept even
 * if the import is never run.
 */
export function FixesPanel({ fixes, sessionId, sessionLabel, delegations, busy, onFixed }: Props) {
  const [delegation, setDelegation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const { representatives: reps, categories, units } = fixes;
  if (!reps.length && !categories.length && !units.length) return null;
  const needDelegation = reps.some((r) => !r.delegation);

  const save = async (what: string, work: () => Promise<unknown>) => {
    setSaving(what);
    setProblem(null);
    try {
      await work();
      onFixed(what);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };
  const addReps = () =>
    save('代表', () =>
      api.call('representatives.add', {
        sessionId,
        entries: reps.map((r) => ({ memberId: r.memberId, delegation: (r.delegation ?? delegation).trim() })),
      }),
    );
  const addCategories = () =>
    save('类别', async () => {
      const config = await api.call('proposals.config', {});
      await api.call('proposals.configUpdate', { categories: [...config.categories, ...categories.map((c) => c.name)] });
    });
  const addUnits = () =>
    save('承办部门', async () => {
      for (const u of units) await api.call('handlingUnits.create', { name: u.name });
    });

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="import-fixes"
      title="可以在这里补上后重新检查"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {reps.length > 0 && (
            <div>
              <Typography.Text>
                不是{sessionLabel}代表的会员：
                {reps.map((r) => `${r.name}${r.detail ? `（${r.detail}）` : ''}${r.delegation ? `→${r.delegation}` : ''}，${rowsText(r.rows)}`).join('；')}
              </Typography.Text>{' '}
              <Space style={{ marginTop: 4 }} wrap>
                {needDelegation && (
                  <AutoComplete
                    aria-label="代表团（表中未写的）"
                    placeholder="表中未写代表团的，归入哪个代表团"
                    style={{ width: 260 }}
                    value={delegation}
                    onChange={setDelegation}
                    options={delegations.map((d) => ({ value: d }))}
                  />
                )}
                <Button
                  size="small"
                  disabled={busy || (needDelegation && !delegation.trim())}
                  loading={saving === '代表'}
                  onClick={() => void addReps()}
                >
                  加为本届代表（{reps.length} 人）
                </Button>
              </Space>
            </div>
          )}
          {categories.length > 0 && (
            <div>
              <Typography.Text>类别列表中没有：{categories.map((c) => `「${c.name}」（${rowsText(c.rows)}）`).join('、')}</Typography.Text>{' '}
              <Button size="small" disabled={busy} loading={saving === '类别'} onClick={() => void addCategories()}>
                加入提案类别列表
              </Button>
            </div>
          )}
          {units.length > 0 && (
            <div>
              <Typography.Text>承办部门列表中没有：{units.map((u) => `「${u.name}」（${rowsText(u.rows)}）`).join('、')}</Typography.Text>{' '}
              <Button size="small" disabled={busy} loading={saving === '承办部门'} onClick={() => void addUnits()}>
                新建这些承办部门
              </Button>
            </div>
          )}
          {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        </Space>
      }
    />
  );
}
