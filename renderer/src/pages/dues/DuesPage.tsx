import { CalculatorOutlined, CheckOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ArrearsRow, DuesPeriodRow } from '../../../../shared/contract';
import { PAYER_LABELS } from '../../../../shared/domain/care-labels';
import { DUES_PERIOD_KIND_LABELS, isPeriod, periodLabel, periodMonths, periodOf } from '../../../../shared/domain/dues';
import { api, errorMessage, isApiError } from '../../api';
import { useChannel } from '../../api/use-channel';
import { JobProgressModal } from '../../components/import/JobProgressModal';
import { useJob } from '../../components/import/use-job';
import { ListToolbar } from '../../components/list/ListToolbar';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useMakeFile } from '../../components/print/use-make-file';
import { usePiiExport } from '../../components/pii/use-pii-export';
import { useAppState } from '../../state/app-state';
import { money } from '../care/money';
import { DuesImportPanel } from './DuesImportPanel';
import { DuesPeriodPicker } from './DuesPeriodPicker';
import { DuesYearTab } from './DuesYearTab';
import { useDuesFileJob } from './use-dues-file-job';

/**
 * 会费: the collection period chosen in 设置 (a month, quarter, half-year or year; the ledger itself is per month
 * and a longer period is the sum of its months). 核算 from the roster's 月工资 by the rule in 设置, 登记缴纳 for the
 * ticked members (every unpaid month of the period), 导入工资或缴费表, the 收缴清单, and the 连续 6 个月未缴
 * follow-up list (a flag only; nobody's status changes).
 */
export function DuesPage() {
  const { settings } = useAppState();
  const kind = settings.duesPeriodKind;
  const [chosen, setChosen] = useState<string | null>(null);
  const thisMonth = dayjs().format('YYYY-MM');
  // A period picked under another kind (设置 changed meanwhile) falls back to the one holding this month.
  const period = chosen && (periodOf(kind, periodMonths(chosen)![0]!) === chosen) ? chosen : periodOf(kind, thisMonth);
  const [tab, setTab] = useState('sheet');
  const [revision, setRevision] = useState(0);
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'sheet', label: `收缴（${DUES_PERIOD_KIND_LABELS[kind]}）`, children: <SheetTab period={period} onPeriod={setChosen} revision={revision} /> },
        {
          key: 'import',
          label: '导入工资或缴费表',
          children: <DuesImportPanel kind={kind} period={period} onPeriod={setChosen} onDone={() => setRevision((n) => n + 1)} />,
        },
        { key: 'year', label: '年度汇总', children: <DuesYearTab revision={revision} /> },
      ]}
    />
  );
}

function SheetTab({ period, onPeriod, revision }: { period: string; onPeriod: (p: string) => void; revision: number }) {
  const { settings } = useAppState();
  const { message, modal } = App.useApp();
  const months = periodMonths(period)!;
  const thisMonth = dayjs().format('YYYY-MM');
  const asOf = months[months.length - 1]! < thisMonth ? months[months.length - 1]! : thisMonth;
  // A year at 100,000 members is 1.2 million month rows: the totals come from the task thread and the table
  // asks for the page it shows, so neither the main process nor this page ever holds the whole period.
  const totals = useChannel('dues.periodTotals', { period }, { key: revision });
  const [pager, setPager] = useState({ period, current: 1, pageSize: 100 });
  const current = pager.period === period ? pager.current : 1;
  const page = useChannel('dues.periodPage', { period, offset: (current - 1) * pager.pageSize, limit: pager.pageSize }, { key: revision });
  const arrears = useChannel('dues.arrears', { asOf, months: 6 }, { key: revision });
  // Ticked members with their unpaid month rows, kept across pages (登记缴纳 needs the rows, not only the keys).
  const [selected, setSelected] = useState<ReadonlyMap<number, number[]>>(new Map());
  const [paying, setPaying] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [payForm] = Form.useForm<{ paidOn: Dayjs; payer: 'self' | 'payroll'; receiptNo?: string }>();
  const file = useMakeFile<'xlsx' | 'remit'>();
  // A year at 100,000 members takes a while: progress and 取消 (nothing is written when cancelled).
  const job = useJob('dues.computeCancel');
  const pii = usePiiExport();
  // The files (100,000 members: seconds each) run as jobs with progress and 取消.
  const fileJob = useDuesFileJob();
  const label = periodLabel(period);

  const compute = async () => {
    setProblem(null);
    const run = async () => {
      try {
        const r = await job.run((jobId) => api.call('dues.computePeriod', { period, jobId }));
        message.success(`已核算 ${label} ${r.members} 人，应缴 ${money(r.dueFen)} 元${r.kept ? `（已缴或已导入的 ${r.kept} 条保持不变）` : ''}`);
        // The computation's own totals: no second read of every month row.
        totals.set(r);
        await Promise.all([page.reload(), arrears.reload()]);
      } catch (e) {
        if (isApiError(e) && e.code === 'CANCELLED') message.info('已取消核算，会费记录没有更改');
        else setProblem(errorMessage(e));
      }
    };
    if (totals.data?.members) {
      modal.confirm({ title: `重新核算${label}的会费？`, content: '未缴的记录按花名册现在的月工资和设置中的规则重算；已缴的和导入的记录保持不变。', okText: '重新核算', cancelText: '取消', onOk: run });
    } else await run();
  };

  const rows = page.data?.rows ?? [];
  const members = totals.data?.members ?? 0;
  const ids = [...selected.values()].flat();
  const markPaid = async () => {
    const v = await payForm.validateFields().catch(() => null);
    if (!v) return; // the form shows the field messages
    try {
      const r = await api.call('dues.markPaid', { ids, paidOn: v.paidOn.format('YYYY-MM-DD'), payer: v.payer, receiptNo: v.receiptNo ?? null });
      message.success(`已登记 ${selected.size} 人缴纳（${r.marked} 个月）`);
      setPaying(false);
      setSelected(new Map());
      await Promise.all([totals.reload(), page.reload(), arrears.reload()]);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <div>
      <JobProgressModal job={job} title={`正在核算${label}会费`} note="取消后不会更改任何会费记录。" />
      {pii.modal}
      {fileJob.modal}
      <ListToolbar>
        <DuesPeriodPicker kind={settings.duesPeriodKind} value={period} onChange={(p) => { setSelected(new Map()); onPeriod(p); }} />
        <Button type="primary" icon={<CalculatorOutlined />} loading={job.running} onClick={() => void compute()} data-testid="dues-compute">
          核算{months.length > 1 ? '本期间' : '本月'}会费
        </Button>
        <Button
          icon={<CheckOutlined />}
          disabled={!ids.length}
          onClick={() => {
            payForm.setFieldsValue({ paidOn: dayjs(), payer: 'payroll' });
            setPaying(true);
          }}
        >
          登记缴纳{selected.size ? `（${selected.size} 人）` : ''}
        </Button>
        <Button icon={<PrinterOutlined />} disabled={!members} onClick={() => setPrinting(true)} data-testid="dues-print">
          打印收缴清单
        </Button>
        {isPeriod(period) && (
          <Button icon={<FileExcelOutlined />} disabled={!members} loading={file.making === 'xlsx'} onClick={() => void file.make('xlsx', async () => { const ask = await pii.ask('会费收缴清单'); return ask && fileJob.run('导出收缴清单', (jobId) => api.call('dues.exportXlsx', { period, ...ask, jobId })); }, 'Excel')}>
            导出收缴清单
          </Button>
        )}
        <Button
          icon={<FileExcelOutlined />}
          disabled={!members}
          loading={file.making === 'remit'}
          onClick={() => void file.make('remit', async () => { const ask = await pii.ask('会费上解清单'); return ask && fileJob.run('导出上解清单', (jobId) => api.call('dues.collectionXlsx', { period, ...ask, jobId })); }, 'Excel')}
        >
          导出上解清单（按小组）
        </Button>
        <div style={{ flex: 1 }} />
        <Typography.Text data-testid="dues-total">
          {!totals.loaded
            ? '正在汇总…'
            : totals.data && members
              ? `应缴 ${money(totals.data.dueFen)} 元，已缴 ${money(totals.data.paidFen)} 元，未缴 ${totals.data.unpaidCount} 人`
              : months.length > 1
                ? `${label}还没有核算`
                : '本月还没有核算'}
        </Typography.Text>
      </ListToolbar>
      {(problem ?? totals.problem ?? page.problem ?? file.problem) && (
        <Alert type="error" showIcon title={problem ?? totals.problem ?? page.problem ?? file.problem} style={{ marginBottom: 12 }} />
      )}
      <Table<DuesPeriodRow>
        rowKey="memberId"
        size="small"
        loading={!page.loaded}
        dataSource={rows}
        pagination={{
          current,
          pageSize: pager.pageSize,
          total: members,
          pageSizeOptions: [50, 100, 200],
          showSizeChanger: members > 50,
          showTotal: (n) => `共 ${n.toLocaleString()} 人`,
          hideOnSinglePage: true,
          onChange: (next, pageSize) => setPager({ period, current: pageSize === pager.pageSize ? next : 1, pageSize }),
        }}
        data-testid="dues-table"
        rowSelection={{
          selectedRowKeys: [...selected.keys()],
          preserveSelectedRowKeys: true,
          // antd hands the rows of this page only; a member ticked on another page keeps the rows noted then.
          onChange: (keys) =>
            setSelected((before) => {
              const shown = new Map(rows.map((r) => [r.memberId, r.unpaidIds]));
              return new Map(keys.map((k) => [k as number, shown.get(k as number) ?? before.get(k as number) ?? []]));
            }),
          getCheckboxProps: (r) => ({ disabled: !r.unpaidIds.length }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '工会小组', dataIndex: 'groupName', width: 150 },
          { title: '月工资', dataIndex: 'wageFen', width: 100, align: 'right', render: (v: number | null) => money(v) },
          { title: '计缴基数', dataIndex: 'baseFen', width: 100, align: 'right', render: (v: number) => money(v) },
          ...(months.length > 1 ? [{ title: '月数', dataIndex: 'months', width: 60, align: 'right' as const }] : []),
          { title: '应缴（元）', dataIndex: 'dueFen', width: 100, align: 'right', render: (v: number) => money(v) },
          { title: '实缴（元）', dataIndex: 'paidFen', width: 100, align: 'right', render: (v: number, r) => (r.paidOn ? money(v) : '') },
          {
            title: '缴纳',
            render: (_: unknown, r) =>
              r.exempt ? (
                <Tag>免交</Tag>
              ) : r.unpaidMonths > 0 ? (
                <Tag color="orange">{months.length > 1 ? `未缴 ${r.unpaidMonths} 个月` : '未缴'}</Tag>
              ) : r.paidOn ? (
                <Tag color="green">
                  {r.paidOn} {r.payer ? PAYER_LABELS[r.payer] : ''} {r.receiptNo ?? ''}
                </Tag>
              ) : null,
          },
          { title: '说明', dataIndex: 'reason' },
        ]}
      />
      <Card size="small" title={`截至 ${asOf} 连续 6 个月未缴会费（请跟进，系统不会自动办理退会）`} style={{ marginTop: 16 }}>
        <Table<ArrearsRow>
          rowKey="memberId"
          size="small"
          dataSource={arrears.data ?? []}
          pagination={false}
          locale={{ emptyText: '没有连续 6 个月未缴的会员' }}
          data-testid="dues-arrears"
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '未缴月数', dataIndex: 'unpaidMonths', width: 100 },
            { title: '未缴金额（元）', dataIndex: 'unpaidFen', width: 130, render: (v: number) => money(v) },
            { title: '最早未缴月份', dataIndex: 'oldest' },
          ]}
        />
      </Card>
      <PrintPreview
        open={printing}
        docKey={`${period}-${revision}`}
        title="会费收缴清单"
        testId="dues-print-frame"
        load={async () => ({ html: (await api.call('dues.collectionHtml', { period })).html, title: '会费收缴清单' })}
        makePdf={() => fileJob.run('生成收缴清单 PDF', (jobId) => api.call('dues.collectionPdf', { period, jobId }))}
        onClose={() => setPrinting(false)}
      />
      <Modal open={paying} title="登记会费缴纳" okText="保存" cancelText="取消" onOk={() => void markPaid()} onCancel={() => setPaying(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">所选 {selected.size} 人在{label}未缴的 {ids.length} 个月都登记为已缴。</Typography.Paragraph>
        <Form form={payForm} layout="vertical">
          <Form.Item name="paidOn" label="缴纳日期" rules={[{ required: true, message: '请选择缴纳日期' }]}>
            <DatePicker aria-label="缴纳日期" />
          </Form.Item>
          <Form.Item name="payer" label="缴纳方式" rules={[{ required: true, message: '请选择缴纳方式' }]}>
            <Select aria-label="缴纳方式" options={(['payroll', 'self'] as const).map((p) => ({ value: p, label: PAYER_LABELS[p] }))} />
          </Form.Item>
          <Form.Item name="receiptNo" label="收据号">
            <Input aria-label="收据号" maxLength={40} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
