import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DuesYearSummary } from '../../../../shared/contract';
import { api } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { useMakeFile } from '../../components/print/use-make-file';
import { money } from '../care/money';
import { useDuesFileJob } from './use-dues-file-job';

type GroupRow = DuesYearSummary['groups'][number];

/** 年度汇总: each 工会小组's 应缴 / 实缴 month by month and for the year, the grand total in figures and 大写, .xlsx. */
export function DuesYearTab({ revision }: { revision: number }) {
  const [year, setYear] = useState(dayjs().year());
  const summary = useChannel('dues.summary', { year }, { key: revision });
  const file = useMakeFile<'xlsx'>();
  const fileJob = useDuesFileJob();
  const s = summary.data;
  const cell = (due: number, paid: number) => (due || paid ? <span title={`应缴 ${money(due)}，实缴 ${money(paid)}`}>{money(paid)}<Typography.Text type="secondary"> / {money(due)}</Typography.Text></span> : '');
  return (
    <div>
      {fileJob.modal}
      <ListToolbar>
        <DatePicker picker="year" aria-label="年份" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && setYear(d.year())} />
        <Button icon={<FileExcelOutlined />} disabled={!s?.groups.length} loading={file.making === 'xlsx'} onClick={() => void file.make('xlsx', () => fileJob.run('导出年度汇总', (jobId) => api.call('dues.summaryXlsx', { year, jobId })), 'Excel')}>
          导出年度汇总
        </Button>
        <div style={{ flex: 1 }} />
        <Typography.Text data-testid="dues-year-total">
          {s && s.groups.length ? `${s.label}：应缴 ${money(s.dueFen)} 元（${s.dueCapital}），实缴 ${money(s.paidFen)} 元（${s.paidCapital}）` : `${year}年还没有会费记录`}
        </Typography.Text>
      </ListToolbar>
      {(summary.problem ?? file.problem) && <Alert type="error" showIcon title={summary.problem ?? file.problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">每格为 实缴 / 应缴（元）。</Typography.Paragraph>
      <Table<GroupRow>
        rowKey="name"
        size="small"
        loading={!summary.loaded}
        dataSource={s?.groups ?? []}
        pagination={false}
        scroll={{ x: 1600 }}
        data-testid="dues-year-table"
        columns={[
          { title: '工会小组', dataIndex: 'name', width: 140, fixed: 'left' },
          { title: '人数', dataIndex: 'members', width: 56 },
          ...Array.from({ length: 12 }, (_, m) => ({ title: `${m + 1}月`, key: `m${m}`, width: 110, align: 'right' as const, render: (_: unknown, g: GroupRow) => cell(g.dueByMonth[m]!, g.paidByMonth[m]!) })),
          { title: '全年应缴', dataIndex: 'dueFen', width: 100, align: 'right', render: (v: number) => money(v) },
          { title: '全年实缴', dataIndex: 'paidFen', width: 100, align: 'right', render: (v: number) => money(v) },
          { title: '欠缴人数', dataIndex: 'unpaidMembers', width: 80, align: 'right' },
        ]}
        summary={(groups) =>
          groups.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{groups.reduce((n, g) => n + g.members, 0)}</Table.Summary.Cell>
              {Array.from({ length: 12 }, (_, m) => (
                <Table.Summary.Cell key={m} index={2 + m} align="right">
                  {cell(
                    groups.reduce((n, g) => n + g.dueByMonth[m]!, 0),
                    groups.reduce((n, g) => n + g.paidByMonth[m]!, 0),
                  )}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={14} align="right">{money(s?.dueFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={15} align="right">{money(s?.paidFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={16} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </div>
  );
}
