import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Popconfirm, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { FileRef, ProposalImportPreview, ProposalImportResult, SheetSummary } from '../../../../../shared/contract';
import { api } from '../../../api';
import { pickFile } from '../../../api/platform';
import { firstImportableSheet } from '../../../components/import/MappingTable';
import { ProgressPanel } from '../../../components/import/ProgressPanel';
import { useAttempt } from '../../../components/import/use-attempt';
import { useJob } from '../../../components/import/use-job';
import { useCurrentSession, useSessions } from '../use-sessions';
import { ImportBatches } from './ImportBatches';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { FileStep, SheetStep } from './SourceSteps';

const STEPS = ['file', 'sheet', 'mapping', 'preview', 'result'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, string> = { file: '选择文件', sheet: '选择工作表', mapping: '核对列对应', preview: '预览与检查', result: '导入结果' };

type Overrides = Record<string, string | null>;

/** The corrections in force: the columns the clerk (or a remembered mapping) chose, plus this change. */
const withChange = (p: ProposalImportPreview, header: string, field: string | null): Overrides => ({
  ...Object.fromEntries(p.columns.filter((c) => c.userChosen).map((c) => [c.header, c.field])),
  [header]: field,
});

/**
 * 导入提案登记表 (/proposals/import?session=): file → sheet → column mapping → preview with every row's
 * findings → import with progress → result with 撤销. Nothing is written before 开始导入; the core checks
 * everything again then, takes a backup and writes the valid rows in one transaction.
 */
export function ProposalImportPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { sessions, loaded, reload: reloadSessions } = useSessions();
  const { current: session, choose } = useCurrentSession(sessions);
  // The shared job hook and progress panel (components/import); cancel goes to proposals.importCancel.
  const job = useJob('proposals.importCancel');
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<FileRef | null>(null);
  const [sheets, setSheets] = useState<SheetSummary[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Overrides | undefined>(undefined);
  const [replay, setReplay] = useState(true);
  const [preview, setPreview] = useState<ProposalImportPreview | null>(null);
  const [result, setResult] = useState<ProposalImportResult | null>(null);
  const [undone, setUndone] = useState(false);
  const { problem, setProblem, attempt } = useAttempt();
  const [revision, setRevision] = useState(0);
  const [delegations, setDelegations] = useState<string[]>([]);

  useEffect(() => {
    if (!session) return;
    let live = true;
    api
      .call('representatives.list', { sessionId: session.id })
      .then((reps) => live && setDelegations([...new Set(reps.map((r) => r.delegation))]))
      .catch(() => live && setDelegations([]));
    return () => {
      live = false;
    };
  }, [session, revision]);


  const check = (o: { sheet?: string | null; overrides?: Overrides | undefined; replay?: boolean } = {}) =>
    attempt(async () => {
      if (!file || !session) return;
      const chosen = o.sheet !== undefined ? o.sheet : sheet;
      // Without corrections the core applies the mapping remembered for this header, if any.
      const given = 'overrides' in o ? o.overrides : overrides;
      const p = await job.run((jobId) =>
        api.call('proposals.importPreview', {
          token: file.token,
          sessionId: session.id,
          ...(chosen ? { sheet: chosen } : {}),
          ...(given !== undefined ? { overrides: given } : {}),
          replayHistory: o.replay ?? replay,
          jobId,
        }),
      );
      setPreview(p);
    });

  const pick = () =>
    attempt(async () => {
      const ref = await pickFile({ title: '选择提案登记表', extensions: ['xlsx', 'xls', 'csv', 'xml'] });
      if (!ref) return;
      const r = await job.run((jobId) => api.call('proposals.importSheets', { token: ref.token, jobId }));
      setFile(ref);
      setSheets(r.sheets);
      setSheet(firstImportableSheet(r.sheets));
      setOverrides(undefined);
      setPreview(null);
      setStep('sheet');
    });

  const toMapping = async () => {
    setOverrides(undefined);
    await check({ sheet, overrides: undefined });
    setStep((s) => (s === 'sheet' ? 'mapping' : s));
  };

  const commit = () =>
    attempt(async () => {
      if (!file || !session) return;
      const r = await job.run((jobId) =>
        api.call('proposals.importCommit', {
          token: file.token,
          sessionId: session.id,
          ...(sheet ? { sheet } : {}),
          ...(overrides !== undefined ? { overrides } : {}),
          replayHistory: replay,
          dryRun: false,
          jobId,
        }),
      );
      setResult(r);
      setUndone(false);
      setStep('result');
      setRevision((n) => n + 1);
      void reloadSessions();
    });

  const restart = () => {
    setStep('file');
    setFile(null);
    setPreview(null);
    setResult(null);
    setProblem(null);
  };

  if (loaded && !sessions.length) {
    return (
      <Empty description="还没有届次。先在「届次与代表」中新建届次并添加代表，再导入提案。">
        <Button type="primary" onClick={() => void navigate('/proposals/sessions')}>
          去新建届次
        </Button>
      </Empty>
    );
  }
  if (!loaded) return <Spin description="正在打开…" />;

  const index = STEPS.indexOf(step);
  const toImport = preview ? preview.counts.proposals + preview.counts.opinions : 0;
  const blocked = !preview || preview.blockers.length > 0;

  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/proposals${session ? `?session=${session.id}` : ''}`)}>
          返回登记簿
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="import-title">
          导入提案登记表{session ? `（${session.label}）` : ''}
        </Typography.Title>
      </div>
      <Steps size="small" current={index} style={{ marginBottom: 20 }} items={STEPS.map((s) => ({ title: STEP_TITLES[s] }))} />
      {problem && <Alert type="error" showIcon closable title={problem} style={{ marginBottom: 12 }} data-testid="import-problem" onClose={() => setProblem(null)} />}
      {job.slow && (
        <div style={{ marginBottom: 12 }}>
          <ProgressPanel title={step === 'preview' ? '正在导入提案' : '正在检查提案登记表'} progress={job.progress} onCancel={job.cancel} />
        </div>
      )}

      {step === 'file' && (
        <>
          <FileStep sessions={sessions} session={session} onSession={choose} busy={job.running} onPick={() => void pick()} />
          {session && <ImportBatches sessionId={session.id} revision={revision} />}
        </>
      )}
      {step === 'sheet' && file && <SheetStep fileName={file.fileName} sheets={sheets} value={sheet} onChange={setSheet} />}
      {step === 'mapping' && preview && (
        <MappingStep
          preview={preview}
          replay={replay}
          busy={job.running}
          onField={(header, field) => {
            const next = withChange(preview, header, field);
            setOverrides(next);
            void check({ overrides: next });
          }}
          onReplay={(on) => {
            setReplay(on);
            void check({ replay: on });
          }}
        />
      )}
      {step === 'preview' && preview && (
        <PreviewStep
          preview={preview}
          delegations={delegations}
          busy={job.running}
          onFixed={(what) => {
            void message.success(`已补上${what}，正在重新检查…`);
            setRevision((n) => n + 1);
            void reloadSessions();
            void check();
          }}
        />
      )}
      {step === 'result' && result && (
        <ResultStep
          result={result}
          undone={undone}
          onUndone={() => {
            setUndone(true);
            setRevision((n) => n + 1);
            void reloadSessions();
          }}
          onOpenRegister={() => void navigate(`/proposals?session=${result.session.id}`)}
          onAgain={restart}
        />
      )}

      {(step === 'sheet' || step === 'mapping' || step === 'preview') && (
        <Space style={{ marginTop: 16 }}>
          <Button disabled={job.running} onClick={() => setStep(STEPS[index - 1]!)}>
            上一步
          </Button>
          {step === 'sheet' && (
            <Button type="primary" disabled={!sheet || job.running} onClick={() => void toMapping()}>
              下一步：核对列对应
            </Button>
          )}
          {step === 'mapping' && (
            <Button type="primary" disabled={blocked || job.running} onClick={() => setStep('preview')}>
              下一步：预览与检查
            </Button>
          )}
          {step === 'preview' && (
            <Popconfirm
              title="开始导入？"
              description={`将登记 ${toImport} 件（提案 ${preview?.counts.proposals ?? 0} 件，意见建议 ${preview?.counts.opinions ?? 0} 件），${preview?.counts.skipped ? `有错误的 ${preview.counts.skipped} 行跳过；` : ''}导入前会先备份。`}
              okText="开始导入"
              cancelText="再看看"
              disabled={blocked || toImport === 0 || job.running}
              onConfirm={() => void commit()}
            >
              <Button type="primary" disabled={blocked || toImport === 0 || job.running}>
                开始导入（{toImport} 件）
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </div>
  );
}
