import { CheckCircleOutlined, FileExcelOutlined, FilePdfOutlined, LockOutlined, NumberOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Empty, Modal, Progress, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ArchiveItem, ArchiveYearView } from '../../../../shared/contract';
import { ARCHIVE_FORMS, ARCHIVE_FORM_LABELS, ARCHIVE_YEAR_STATE_LABELS, RETENTION_CODES, RETENTION_LABELS, type ArchiveForm, type Retention } from '../../../../shared/domain/archive-labels';
import { api, errorMessage, isApiError } from '../../api';
import { pickFile } from '../../api/platform';
import { useChannel } from '../../api/use-channel';
import { JobProgressModal } from '../../components/import/JobProgressModal';
import { useJob } from '../../components/import/use-job';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useMakeFile } from '../../components/print/use-make-file';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { AddManualModal, EditItemModal } from './ItemModals';
import { ItemTable } from './ItemTable';
import { PackageCheckModal, SealModal, VerifyModal, type PackageCheck } from './SealModals';
import { useBinder } from './use-binder';
import './archive.css';

const lastYear = () => new Date().getFullYear() - 1;

/** 年度归档: pick a year → its 件 by class → arrange → 编号 → print preview of each form → binder PDF → 封存. */
export function ArchivePage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || lastYear();
  const { message, modal } = App.useApp();
  const [revision, setRevision] = useState(0);
  const view = useChannel('archive.plan', { year }, { key: revision });
  const years = useChannel('archive.years', {}, { key: revision });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<ArchiveItem | null>(null);
  const [adding, setAdding] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [print, setPrint] = useState<{ form: ArchiveForm; retention?: Retention } | null>(null);
  const files = useMakeFile<string>();
  const binder = useBinder(year);
  const refresh = () => setRevision((r) => r + 1);
  const v: ArchiveYearView | undefined = view.data?.year === year ? view.data : undefined;
  const sealed = v?.state === 'sealed';
  const numbered = !!v?.items.some((i) => i.itemNo !== null);

  const run = async (what: string, fn: () => Promise<unknown>, done?: string) => {
    if (busy) return;
    setBusy(what);
    setProblem(null);
    try {
      await fn();
      if (done) message.success(done);
      setSelected([]);
      refresh();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const [packageCheck, setPackageCheck] = useState<PackageCheck | null>(null);
  // A package from elsewhere (the upper-level union, the archive room's copy): each entry against its manifest.
  const checkPackage = () =>
    run('package', async () => {
      const ref = await pickFile({ title: '选择归档包', extensions: ['zip'] });
      if (ref) setPackageCheck({ fileName: ref.fileName, ...(await api.call('archive.verifyPackage', { token: ref.token })) });
    });
  useShortcut('ctrl+n', () => !sealed && setAdding(true));
  useShortcut('ctrl+p', () => numbered && setPrint({ form: 'catalogue' }));

  const yearSet = new Set<number>([year, lastYear() + 1, ...(years.data ?? []).map((y) => y.year)]);
  for (let i = 0; i < 5; i++) yearSet.add(lastYear() - i);
  const yearOptions = [...yearSet]
    .sort((a, b) => b - a)
    .map((y) => {
      const st = years.data?.find((x) => x.year === y);
      return { value: y, label: `${y} 年度${st ? `（${ARCHIVE_YEAR_STATE_LABELS[st.state]}）` : ''}` };
    });

  const groups = new Map<string, ArchiveItem[]>();
  for (const it of v?.items ?? []) if (it.mergedIntoId === null) groups.set(it.classLabel, [...(groups.get(it.classLabel) ?? []), it]);
  const byClass = [...groups.entries()];

  const numberJob = useJob('archive.numberCancel');
  const number = () =>
    run('number', async () => {
      try {
        const r = await numberJob.run((jobId) => api.call('archive.number', { year, jobId }));
        message.success(r.numbered ? `已编号 ${r.numbered} 件` : '没有需要新编号的文件');
      } catch (e) {
        // 取消 is the clerk's own choice, not a problem to show in red.
        if (isApiError(e) && e.code === 'CANCELLED') message.info(e.message);
        else throw e;
      }
    });
  const merge = () => {
    const [target, ...rest] = (v?.items ?? []).filter((i) => selected.includes(i.id)).sort((a, b) => a.order - b.order);
    if (!target || !rest.length) return;
    modal.confirm({
      title: '合并为一件',
      content: `「${target.title}」为主件，其余 ${rest.length} 件并入其后（正本在前、定稿在后；正文在前、附件在后）。`,
      okText: '合并',
      onOk: () => run('merge', () => api.call('archive.merge', { targetId: target.id, ids: rest.map((r) => r.id) }), '已合并'),
    });
  };

  return (
    <div data-testid="archive-page">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }}>
        <Select aria-label="年度" data-testid="archive-year" value={year} options={yearOptions} style={{ width: 200 }} onChange={(y) => setParams({ year: String(y) }, { replace: true })} />
        {v && (
          <Tag color={sealed ? 'red' : v.state === 'numbered' ? 'blue' : 'default'} icon={sealed ? <LockOutlined /> : undefined} data-testid="archive-state">
            {ARCHIVE_YEAR_STATE_LABELS[v.state]}
          </Tag>
        )}
        {v && (
          <Typography.Text data-testid="archive-totals">
            共 {v.totals.items} 件，{v.totals.pages} 页{v.totals.boxes ? `，${v.totals.boxes} 盒` : ''}
            {v.totals.excluded ? `（不归档 ${v.totals.excluded} 件）` : ''}
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        <Space wrap size={6}>
          {!sealed && (
            <>
              <Tooltip title="从各项记录重新整理（保留已做的调整）">
                <Button icon={<ReloadOutlined />} loading={busy === 'plan'} onClick={() => void run('plan', () => view.reload())}>
                  重新整理
                </Button>
              </Tooltip>
              <Tooltip title={`添加扫描的文件（${keyLabel('ctrl+n')}）`}>
                <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  添加文件
                </Button>
              </Tooltip>
              <Button disabled={selected.length < 2} onClick={merge}>
                合并为一件
              </Button>
              <Button disabled={!selected.length} onClick={() => void run('exclude', () => api.call('archive.exclude', { ids: selected, excluded: true }), '已设为不归档')}>
                不归档
              </Button>
              <Button type="primary" icon={<NumberOutlined />} loading={busy === 'number'} disabled={!v?.totals.items} onClick={() => void number()}>
                编号
              </Button>
            </>
          )}
          <Dropdown
            disabled={!numbered}
            menu={{
              items: ARCHIVE_FORMS.map((f) => ({ key: f, label: ARCHIVE_FORM_LABELS[f] })),
              onClick: ({ key }) => setPrint({ form: key as ArchiveForm }),
            }}
          >
            <Button icon={<PrinterOutlined />} data-testid="archive-print">
              打印预览
            </Button>
          </Dropdown>
          <Dropdown
            disabled={!numbered}
            menu={{
              items: RETENTION_CODES.filter((r) => v?.items.some((i) => i.retention === r && i.itemNo !== null && !i.excluded)).map((r) => ({ key: r, label: `${RETENTION_LABELS[r]}（装订 PDF）` })),
              onClick: ({ key }) => void binder.make(key as Retention),
            }}
          >
            <Button icon={<FilePdfOutlined />} loading={!!binder.making} data-testid="archive-binder">
              装订 PDF
            </Button>
          </Dropdown>
          <Button icon={<FileExcelOutlined />} disabled={!numbered} loading={files.making === 'xlsx'} onClick={() => void files.make('xlsx', () => api.call('archive.catalogueXlsx', { year }), 'Excel')}>
            目录 Excel
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'export', label: '导出本年度归档包', disabled: !numbered },
                { key: 'verify', label: '核对收到的归档包…' },
              ],
              onClick: ({ key }) => (key === 'export' ? void files.make('zip', () => api.call('archive.exportPackage', { year }), '归档包') : void checkPackage()),
            }}
          >
            <Button loading={files.making === 'zip' || busy === 'package'} data-testid="archive-package">
              归档包
            </Button>
          </Dropdown>
          {sealed ? (
            <>
              <Button icon={<SafetyCertificateOutlined />} onClick={() => setVerifying(true)} data-testid="archive-verify">
                核对
              </Button>
              <Button icon={<UnlockOutlined />} danger onClick={() => setSealing(true)}>
                解除封存
              </Button>
            </>
          ) : (
            <Button icon={<LockOutlined />} danger disabled={!numbered} onClick={() => setSealing(true)} data-testid="archive-seal">
              封存
            </Button>
          )}
        </Space>
      </div>
      {(problem ?? files.problem ?? binder.problem ?? view.problem) && <Alert type="error" showIcon title={problem ?? files.problem ?? binder.problem ?? view.problem} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} closable onClose={() => setProblem(null)} />}
      {sealed && v && v.manifests[0] && (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          data-testid="archive-sealed"
          style={{ marginBottom: 12 }}
          title={`${year} 年度已封存（${v.manifests[0].sealedAt.slice(0, 10)}，${v.manifests[0].sealedBy}，清单第 ${v.manifests[0].version} 版）：这一年的归档文件和来源记录只读。`}
          description={
            <span style={{ fontFamily: 'monospace', fontSize: 12 }}>
              年度校验值 SHA-256：{v.manifests[0].yearSha256}
              {v.manifests[0].reason ? `　封存说明：${v.manifests[0].reason}` : ''}
            </span>
          }
        />
      )}
      {!v ? (
        <Spin style={{ display: 'block', margin: 60 }} />
      ) : byClass.length === 0 ? (
        <Empty description={`${year} 年度没有要归档的文件。可以用「添加文件」加入扫描的文件。`} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {v.classes.length > 0 && (
            <div data-testid="archive-classes">
              {v.classes.map((c) => (
                <Tag key={c.key} icon={<CheckCircleOutlined />}>
                  {c.label}：{c.count} 件 {c.pages} 页
                </Tag>
              ))}
            </div>
          )}
          {byClass.map(([label, items]) => (
            <Card key={label} size="small" title={label} data-testid="archive-class">
              <ItemTable
                items={items}
                sealed={sealed}
                selected={selected}
                onSelect={(ids) => setSelected((s) => [...s.filter((x) => !items.some((i) => i.id === x)), ...ids])}
                onEdit={setEditing}
                onMove={(it, d) => void run('move', () => api.call('archive.move', { id: it.id, direction: d }))}
                onExclude={(it, ex) => void run('exclude', () => api.call('archive.exclude', { ids: [it.id], excluded: ex }))}
                onUnmerge={(it) => void run('unmerge', () => api.call('archive.unmerge', { id: it.id }), '已拆分')}
              />
            </Card>
          ))}
        </Space>
      )}
      <EditItemModal item={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), refresh())} />
      <AddManualModal year={year} open={adding} onClose={() => setAdding(false)} onAdded={() => (setAdding(false), refresh())} />
      <SealModal year={year} open={sealing} sealed={sealed} onClose={() => setSealing(false)} onDone={() => (setSealing(false), refresh())} />
      <VerifyModal year={year} open={verifying} onClose={() => setVerifying(false)} />
      <PackageCheckModal check={packageCheck} onClose={() => setPackageCheck(null)} />
      <JobProgressModal job={numberJob} title={`正在为 ${year} 年度编号`} note="编号先算好全部件号和页数，最后一次写入；取消不会留下任何编号。" />
      <Modal title="正在生成装订 PDF" open={!!binder.progress} closable={false} maskClosable={false} footer={<Button onClick={binder.cancel} data-testid="archive-binder-cancel">取消</Button>}>
        <Progress percent={binder.progress?.total ? Math.round((binder.progress.done / binder.progress.total) * 100) : 0} status="active" aria-label="进度" />
        <Typography.Text type="secondary">
          {binder.progress?.total ? `${binder.progress.done} / ${binder.progress.total}` : '正在准备'}　打印只读取记录，取消不会留下任何文件。
        </Typography.Text>
      </Modal>
      <PrintPreview
        open={!!print}
        docKey={JSON.stringify({ print, revision })}
        load={() => api.call('archive.printHtml', { year, ...print! })}
        makePdf={() => api.call('archive.printPdf', { year, ...print! })}
        onClose={() => setPrint(null)}
        testId="archive-print-preview"
      />
    </div>
  );
}
