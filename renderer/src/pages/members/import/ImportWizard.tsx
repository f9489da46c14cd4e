import { Alert, App, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FileRef, ImportPreview, ImportResult, SheetSummary } from '../../../../../shared/contract';
import { api, errorMessage, isApiError } from '../../../api';
import { pickFile } from '../../../api/platform';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { firstImportableSheet } from '../../../components/import/MappingTable';
import { JobProgressModal } from '../../../components/import/JobProgressModal';
import { ProgressPanel } from '../../../components/import/ProgressPanel';
import { ResultStep } from './ResultStep';
import { SheetStep } from './SheetStep';
import { useJob } from '../../../components/import/use-job';
import { UNDO_NOTE } from './undo-note';
import './import.css';

const STEPS = ['选择文件', '选择工作表', '核对表头与列对应', '预览', '导入', '结果'];
type Masked = 'skip' | 'withoutId';

/** The corrections now in force (remembered or chosen), to extend with the next one. */
const chosenOf = (p: ImportPreview): Record<string, string | null> =>
  Object.fromEntries(p.columns.filter((c) => c.userChosen).map((c) => [c.header, c.field]));

/**
 * 导入花名册: 选择文件 → 选择工作表 → 核对表头与列对应 → 预览 → 导入 → 结果. All reading and checking runs in
 * the main process under a job (progress, cancel); nothing is written before 导入.
 */
export function ImportWizard() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const job = useJob('members.importCancel');
  // Undoing 100,000 members takes seconds: its own job, so 取消 reaches the undo (members.importUndoCancel).
  const undoJob = useJob('members.importUndoCancel');
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<FileRef | null>(null);
  const [sheets, setSheets] = useState<SheetSummary[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string | null> | undefined>(undefined);
  const [masked, setMasked] = useState<Masked>('skip');
  const [createUnits, setCreateUnits] = useState(true);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [undone, setUndone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const headerRowOption = headerRow === null ? {} : { headerRow };

  const fail = (e: unknown) => {
    if (isApiError(e) && e.code === 'CANCELLED') message.info(e.message);
    else setProblem(errorMessage(e));
  };

  const pick = async () => {
    setProblem(null);
    try {
      const ref = await pickFile({ title: '选择会员花名册', extensions: ['xlsx', 'xls', 'csv', 'xml'] });
      if (!ref) return;
      setFile(ref);
      const info = await job.run((jobId) => api.call('members.importSheets', { token: ref.token, jobId }));
      setSheets(info.sheets);
      const first = firstImportableSheet(info.sheets) ?? info.sheets[0]?.name;
      setChosen(first ? [first] : []);
      setHeaderRow(null);
      setOverrides(undefined);
      setPreview(null);
      setStep(1);
    } catch (e) {
      fail(e);
    }
  };

  const runPreview = async (next: { overrides?: Record<string, string | null> | undefined; masked?: Masked; createUnits?: boolean } = {}) => {
    if (!file) return;
    setProblem(null);
    const o = 'overrides' in next ? next.overrides : overrides;
    const m = next.masked ?? masked;
    const u = next.createUnits ?? createUnits;
    try {
      const p = await job.run((jobId) =>
        api.call('members.importPreview', { token: file.token, sheets: chosen, maskedIds: m, createUnits: u, jobId, ...(o ? { overrides: o } : {}), ...headerRowOption }),
      );
      setOverrides(o);
      setMasked(m);
      setCreateUnits(u);
      setPreview(p);
      return p;
    } catch (e) {
      fail(e);
      return undefined;
    }
  };

  const commit = async () => {
    if (!file || !preview) return;
    setProblem(null);
    setStep(4);
    try {
      const r = await job.run((jobId) =>
        api.call('members.importCommit', { token: file.token, sheets: chosen, maskedIds: masked, createUnits, jobId, ...(overrides ? { overrides } : {}), ...headerRowOption }),
      );
      setResult(r);
      setUndone(false);
      setStep(5);
    } catch (e) {
      fail(e);
      setStep(3);
    }
  };

  const undo = async () => {
    if (result?.batchId == null) return;
    setProblem(null);
    try {
      const r = await undoJob.run((jobId) => api.call('members.importUndo', { batchId: result.batchId!, jobId }));
      setUndone(true);
      message.success(`已撤销本次导入：移除 ${r.removed} 人，恢复 ${r.restored} 人`);
    } catch (e) {
      fail(e);
    }
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setOverrides(undefined);
    setMasked('skip');
    setCreateUnits(true);
  };

  const busyPanel =
    job.slow && step <= 3 ? <ProgressPanel title={step === 0 ? '正在读取文件' : '正在核对数据'} progress={job.progress} onCancel={job.cancel} /> : null;

  return (
    <div>
      <Steps current={step} items={STEPS.map((title) => ({ title }))} style={{ marginBottom: 16 }} size="small" data-testid="import-steps" />
      {problem && <Alert type="error" showIcon closable title={problem} style={{ marginBottom: 12 }} data-testid="import-problem" onClose={() => setProblem(null)} />}
      {busyPanel}
      <JobProgressModal job={undoJob} title="正在撤销本次导入" note={UNDO_NOTE} />
      {!busyPanel && step === 0 && <FileStep busy={job.running} fileName={file?.fileName ?? null} onPick={() => void pick()} />}
      {!busyPanel && step === 1 && file && (
        <SheetStep
          fileName={file.fileName}
          sheets={sheets}
          chosen={chosen}
          onChange={setChosen}
          headerRow={headerRow}
          onHeaderRow={setHeaderRow}
          busy={job.running}
          onBack={() => setStep(0)}
          onNext={() => void runPreview({ overrides }).then((p) => p && setStep(2))}
        />
      )}
      {!busyPanel && step === 2 && preview && (
        <MappingStep
          preview={preview}
          masked={masked}
          busy={job.running}
          onMap={(header, field) => void runPreview({ overrides: { ...chosenOf(preview), [header]: field } })}
          onReset={() => void runPreview({ overrides: {} })}
          onMasked={(m) => void runPreview({ masked: m })}
          onBack={() => setStep(1)}
          onNext={() => setStep(3)}
        />
      )}
      {!busyPanel && step === 3 && preview && (
        <PreviewStep
          preview={preview}
          busy={job.running}
          onBack={() => setStep(2)}
          onCommit={() => void commit()}
          onCreateUnits={(c) => void runPreview({ createUnits: c })}
        />
      )}
      {step === 4 && <ProgressPanel title="正在导入" progress={job.progress} onCancel={job.cancel} />}
      {step === 5 && result && (
        <ResultStep result={result} undone={undone} busy={undoJob.running} onUndo={() => void undo()} onList={() => void navigate('/members')} onAgain={restart} />
      )}
    </div>
  );
}
