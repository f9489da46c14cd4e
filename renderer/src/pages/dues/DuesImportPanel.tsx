import { FileExcelOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DuesImportBatch, DuesImportPreview, DuesImportResult, DuesPreviewRow, FileRef, SheetSummary } from '../../../../shared/contract';
import type { DuesPeriodKind } from '../../../../shared/domain/dues';
import { api } from '../../api';
import { pickFile } from '../../api/platform';
import { useChannel } from '../../api/use-channel';
import { firstImportableSheet, MappingTable } from '../../components/import/MappingTable';
import { ProgressPanel } from '../../components/import/ProgressPanel';
import { useAttempt } from '../../components/import/use-attempt';
import { useJob } from '../../components/import/use-job';
import { money } from '../care/money';
import { SheetStep } from '../proposals/import/SourceSteps';
import { DuesPeriodPicker } from './DuesPeriodPicker';

const STEPS = ['file', 'sheet', 'mapping', 'preview', 'result'] as const;
type Step = (typeof STEPS)[number];
const TITLES: Record<Step, string> = { file: '选择文件', sheet: '选择工作表', mapping: '核对列对应', preview: '预览与检查', result: '导入结果' };
const ACTION: Record<DuesPreviewRow['action'], { color: string; label: string }> = {
  update: { color: 'green', label: '更新' },
  unchanged: { color: 'default', label: '无变化' },
  skip: { color: 'red', label: '跳过' },
};
type Overrides = Record<string, string | null>;

/**
 * 导入工资或缴费表: 财务's wage sheet (月工资) or deduction list (实缴, 缴费日期, 收据号) for the period. File → sheet →
 * columns → every row checked against the roster (an unknown person is a row error, never a new member) → one
 * transaction after a backup → result with 撤销. Nothing is written before 开始导入.
 */
export function DuesImportPanel({ kind, period, onPeriod, onDone }: { kind: DuesPeriodKind; period: string; onPeriod: (p: string) => void; onDone: () => void }) {
  const { message } = App.useApp();
  const job = useJob('dues.importCancel');
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<FileRef | null>(null);
  const [sheets, setSheets] = useState<SheetSummary[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Overrides | undefined>(undefined);
  const [preview, setPreview] = useState<DuesImportPreview | null>(null);
  const [result, setResult] = useState<DuesImportResult | null>(null);
  const { problem, setProblem, attempt } = useAttempt();
  const [revision, setRevision] = useState(0);
  const batches = useChannel('dues.importBatches', {}, { key: revision });

  const base = (o: { sheet?: string | null; overrides?: Overrides | undefined } = {}) => {
    const chosen = o.sheet !== undefined ? o.sheet : sheet;
    const given = 'overrides' in o ? o.overrides : overrides;
    return { token: file!.token, period, ...(chosen ? { sheet: chosen } : {}), ...(given !== undefined ? { overrides: given } : {}) };
  };
  const check = (o: { sheet?: string | null; overrides?: Overrides | undefined } = {}) =>
    attempt(async () => {
      if (!file) return;
      setPreview(await job.run((jobId) => api.call('dues.importPreview', { ...base(o), jobId })));
    });
  const pick = () =>
    attempt(async () => {
      const ref = await pickFile({ title: '选择工资表或会费缴纳表', extensions: ['xlsx', 'xls', 'csv', 'xml'] });
      if (!ref) return;
      const r = await job.run((jobId) => api.call('dues.importSheets', { token: ref.token, jobId }));
      setFile(ref);
      setSheets(r.sheets);
      setSheet(firstImportableSheet(r.sheets));
      setOverrides(undefined);
      setPreview(null);
      setStep('sheet');
    });
  const commit = () =>
    attempt(async () => {
      if (!file) return;
      const r = await job.run((jobId) => api.call('dues.importCommit', { ...base(), dryRun: false, jobId }));
      setResult(r);
      setStep('result');
      setRevision((n) => n + 1);
      onDone();
    });
  const undo = (batchId: number) =>
    attempt(async () => {
      const r = await api.call('dues.importUndo', { batchId });
      message.success(`已撤销第 ${r.batchId} 批：恢复 ${r.restored} 条、移除 ${r.removed} 条（撤销前已备份）`);
      setRevision((n) => n + 1);
      onDone();
    });
  const restart = () => {
    setStep('file');
    setFile(null);
    setPreview(null);
    setResult(null);
  };

  const index = STEPS.indexOf(step);
  const blocked = !preview || preview.blockers.length > 0;
  const shown = result ?? preview;
  return (
    <div data-testid="dues-import">
      <Steps size="small" current={index} style={{ marginBottom: 16 }} items={STEPS.map((s) => ({ title: TITLES[s] }))} />
      {problem && <Alert type="error" showIcon closable title={problem} style={{ marginBottom: 12 }} data-testid="import-problem" onClose={() => setProblem(null)} />}
      {job.slow && <ProgressPanel title={step === 'preview' ? '正在导入会费' : '正在检查表格'} progress={job.progress} onCancel={job.cancel} />}

      {step === 'file' && (
        <div>
          <Typography.Paragraph>
            选择财务的工资表（含「月工资」列：按它重算本期间每个月的应缴）或会费代扣/缴费表（含「实缴会费」列，可带缴费日期、收据号：从最早的未缴月份起登记缴纳）。
            会员按身份证号、工号或姓名对应；花名册中没有的人是错误行，不会新建会员。已缴的月份保持不变。导入前先备份，导入后可整批撤销。
          </Typography.Paragraph>
          <Space wrap>
            <Typography.Text>导入到</Typography.Text>
            <DuesPeriodPicker kind={kind} value={period} onChange={onPeriod} />
            <Button type="primary" icon={<FileExcelOutlined />} loading={job.running} onClick={() => void pick()} data-testid="dues-import-pick">
              选择工资表或缴费表…
            </Button>
          </Space>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            导入记录
          </Typography.Title>
          <Table<DuesImportBatch>
            size="small"
            rowKey="id"
            dataSource={batches.data ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有导入过工资或缴费表' }}
            columns={[
              { title: '批次', dataIndex: 'id', width: 60 },
              { title: '文件', dataIndex: 'fileName' },
              { title: '期间', dataIndex: 'period', width: 90 },
              { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
              { title: '操作人', dataIndex: 'actor', width: 90 },
              { title: '更新', dataIndex: 'updated', width: 70 },
              { title: '跳过', dataIndex: 'skipped', width: 70 },
              {
                title: '',
                width: 110,
                render: (_: unknown, b) =>
                  b.undoneAt ? (
                    <Tag>已撤销</Tag>
                  ) : (
                    <Popconfirm title={`撤销第 ${b.id} 批导入？`} description="这批写入的月份记录恢复原样（先备份）。" okText="撤销" cancelText="取消" onConfirm={() => void undo(b.id)}>
                      <Button size="small" icon={<UndoOutlined />}>
                        撤销
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </div>
      )}
      {step === 'sheet' && file && <SheetStep fileName={file.fileName} sheets={sheets} value={sheet} onChange={setSheet} />}
      {step === 'mapping' && preview && (
        <MappingTable
          preview={preview}
          busy={job.running}
          intro={`导入到 ${preview.periodLabel}。${preview.mappingSource === 'remembered' ? '这种表头以前导入过，已沿用上次核对后的列对应。' : '列对应按表头自动识别，请核对；改动后会立即重新检查。'}`}
          onField={(header, field) => {
            const next = { ...Object.fromEntries(preview.columns.filter((c) => c.userChosen).map((c) => [c.header, c.field])), [header]: field };
            setOverrides(next);
            void check({ overrides: next });
          }}
        />
      )}
      {(step === 'preview' || step === 'result') && shown && <Findings preview={shown} result={step === 'result'} />}
      {step === 'result' && result && (
        <Space style={{ marginTop: 12 }}>
          {result.batchId !== null && (
            <Popconfirm title="撤销本次导入？" okText="撤销" cancelText="取消" onConfirm={() => void undo(result.batchId!).then(restart)}>
              <Button icon={<UndoOutlined />} data-testid="dues-import-undo">
                撤销本次导入
              </Button>
            </Popconfirm>
          )}
          <Button onClick={restart}>再导入一个文件</Button>
        </Space>
      )}
      {(step === 'sheet' || step === 'mapping' || step === 'preview') && (
        <Space style={{ marginTop: 16 }}>
          <Button disabled={job.running} onClick={() => setStep(STEPS[index - 1]!)}>
            上一步
          </Button>
          {step === 'sheet' && (
            <Button
              type="primary"
              disabled={!sheet || job.running}
              onClick={() => {
                setOverrides(undefined);
                void check({ sheet, overrides: undefined }).then(() => setStep((s) => (s === 'sheet' ? 'mapping' : s)));
              }}
            >
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
              description={`将更新 ${preview?.counts.updated ?? 0} 人的会费记录${preview?.counts.skipped ? `，有错误的 ${preview.counts.skipped} 行跳过` : ''}；导入前会先备份。`}
              okText="开始导入"
              cancelText="再看看"
              disabled={blocked || !preview?.counts.updated || job.running}
              onConfirm={() => void commit()}
            >
              <Button type="primary" disabled={blocked || !preview?.counts.updated || job.running} data-testid="dues-import-commit">
                开始导入（{preview?.counts.updated ?? 0} 人）
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </div>
  );
}

function Findings({ preview, result }: { preview: DuesImportPreview; result: boolean }) {
  const c = preview.counts;
  const will = result ? '' : '将';
  return (
    <div>
      <Alert
        type={c.skipped ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="dues-import-counts"
        title={`${preview.periodLabel}：读取 ${c.rowsRead} 行，${will}更新 ${c.updated} 人（${c.monthsWritten} 个月的记录，其中登记缴纳 ${c.monthsPaid} 个月、实缴 ${money(c.paidFen)} 元），无变化 ${c.unchanged} 人，跳过 ${c.skipped} 行。`}
        description={result && 'backup' in preview && (preview as DuesImportResult).backup ? `导入前已备份：${(preview as DuesImportResult).backup}` : undefined}
      />
      <Table<DuesPreviewRow>
        size="small"
        rowKey="excelRow"
        dataSource={preview.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="dues-import-rows"
        columns={[
          { title: '行', dataIndex: 'excelRow', width: 56 },
          { title: '', dataIndex: 'action', width: 72, render: (a: DuesPreviewRow['action']) => <Tag color={ACTION[a].color}>{ACTION[a].label}</Tag> },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '月工资', dataIndex: 'wageFen', width: 96, align: 'right', render: (v: number | null) => money(v) },
          { title: '应缴', dataIndex: 'dueFen', width: 90, align: 'right', render: (v: number) => money(v) },
          { title: '实缴', dataIndex: 'paidFen', width: 90, align: 'right', render: (v: number | null) => money(v) },
          { title: '登记缴纳', dataIndex: 'paidMonths', width: 130, render: (m: string[]) => (m.length ? m.map((x) => x.slice(5)).join('、') + ' 月' : '') },
          {
            title: '说明',
            render: (_: unknown, r) => (
              <div>
                {r.errors.map((e) => (
                  <div key={e.message}>
                    <Typography.Text type="danger">{e.message}</Typography.Text>
                  </div>
                ))}
                {r.warnings.map((w) => (
                  <div key={w.message}>
                    <Typography.Text type="warning">{w.message}</Typography.Text>
                  </div>
                ))}
                {!r.errors.length && !r.warnings.length && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </div>
            ),
          },
        ]}
      />
      {preview.moreIssues > 0 && <Typography.Text type="secondary">另有 {preview.moreIssues} 条提示未列出（命令行 --json 可查看全部）。</Typography.Text>}
    </div>
  );
}
