import { Alert, App, Button, Input, InputNumber, Modal, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PlanParseResult } from '../../../../shared/contract';
import { type PlanPeriod } from '../../../../shared/domain/plans-labels';
import { api, errorMessage } from '../../api';
import { pickFile } from '../../api/platform';
import { usePlanKindOptions } from './plan-kinds';

interface Row {
  key: number;
  month: number | null;
  monthTo: number | null;
  title: string;
  kind: string;
  area?: string | undefined;
}
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

/**
 * 导入工作计划: paste the text (or open a .txt/.docx), see the months and items found, fix months, titles and
 * kinds, split or merge items, then save. Nothing is written before 保存.
 */
export function PlanImportModal({ open, year, onClose, onSaved }: { open: boolean; year: number; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const kinds = usePlanKindOptions();
  const [text, setText] = useState('');
  const [period, setPeriod] = useState<PlanPeriod>('year');
  const [planYear, setPlanYear] = useState(year);
  const [parsed, setParsed] = useState<(PlanParseResult & { text: string }) | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (r: PlanParseResult & { text: string }) => {
    setParsed(r);
    let k = 0;
    setRows([
      ...r.months.flatMap((m) => m.items.map((i) => ({ key: k++, month: m.month, monthTo: m.monthTo, title: i.title, kind: i.kind }))),
      ...r.unscheduled.map((i) => ({ key: k++, month: null, monthTo: null, title: i.title, kind: i.kind, area: i.area })),
    ]);
  };
  const run = async (input: { text?: string; token?: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      show(await api.call('plans.parse', input));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const openFile = async () => {
    const f = await pickFile({ title: '选择工作计划文件', extensions: ['txt', 'docx'] });
    if (f) await run({ token: f.token });
  };
  const patch = (key: number, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const split = (key: number) =>
    setRows((rs) =>
      rs.flatMap((r) => {
        if (r.key !== key) return [r];
        const parts = r.title.split(/[；;，,]/).map((s) => s.trim()).filter(Boolean);
        return parts.length < 2 ? [r] : parts.map((t, i) => ({ ...r, key: r.key + i / 100, title: t }));
      }),
    );
  const mergeUp = (key: number) =>
    setRows((rs) => {
      const i = rs.findIndex((r) => r.key === key);
      if (i <= 0) return rs;
      const merged = { ...rs[i - 1]!, title: `${rs[i - 1]!.title}；${rs[i]!.title}` };
      return [...rs.slice(0, i - 1), merged, ...rs.slice(i + 1)];
    });
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.call('plans.save', {
        year: planYear,
        period,
        title: `${planYear}${period === 'school' ? '学年' : '年'}工会工作计划`,
        areas: (parsed?.areas ?? []).map((a) => a.slice(0, 200)),
        items: rows.filter((r) => r.title.trim()).map((r) => ({ month: r.month, monthTo: r.month == null ? null : (r.monthTo ?? r.month), title: r.title.slice(0, 300), kind: r.kind, area: r.area?.slice(0, 200) ?? null })),
        sourceText: parsed?.text ?? null,
      });
      message.success('已保存工作计划');
      setParsed(null);
      setText('');
      onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="导入工作计划" width={1100} onCancel={onClose} destroyOnHidden
      footer={parsed ? [<Button key="back" onClick={() => setParsed(null)}>返回修改文本</Button>, <Button key="save" type="primary" loading={busy} onClick={() => void save()} data-testid="plan-save">保存计划（{rows.length} 项）</Button>] : [<Button key="c" onClick={onClose}>取消</Button>, <Button key="p" type="primary" loading={busy} disabled={!text.trim()} onClick={() => void run({ text })} data-testid="plan-parse">识别</Button>]}>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Segmented<PlanPeriod> value={period} onChange={setPeriod} options={[{ value: 'year', label: '年度计划' }, { value: 'school', label: '学年计划（9月—次年8月）' }]} />
        <InputNumber aria-label="计划年份" value={planYear} min={2000} max={2100} onChange={(v) => v && setPlanYear(v)} addonAfter={period === 'school' ? '学年' : '年'} />
      </Space>
      {!parsed ? (
        <>
          <Input.TextArea aria-label="计划全文" value={text} onChange={(e) => setText(e.target.value)} rows={16} placeholder="把工作计划全文粘贴到这里（含“三月份”“四月份”等月份安排），或打开 .txt / .docx 文件。" />
          <Button style={{ marginTop: 8 }} onClick={() => void openFile()}>打开 .txt / .docx 文件…</Button>
        </>
      ) : (
        <>
          {parsed.noMonthHeadings ? (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="plan-no-months" message="未找到月份标题（如“三月份”“七—八月份”）：全部事项按“月份待定”导入，可在下表逐项指定月份。" />
          ) : (
            <Typography.Paragraph>识别到 {parsed.months.length} 个月份、{rows.filter((r) => r.month != null).length} 项按月事项，另有 {rows.filter((r) => r.month == null).length} 项月份待定。请核对后保存。</Typography.Paragraph>
          )}
          <Table<Row> rowKey="key" size="small" dataSource={rows} pagination={{ pageSize: 12 }} data-testid="plan-preview"
            columns={[
              { title: '月份', width: 110, render: (_, r) => <Select aria-label="月份" size="small" style={{ width: 96 }} allowClear placeholder="待定" value={r.month ?? undefined} options={MONTHS} onChange={(v: number | undefined) => patch(r.key, { month: v ?? null, monthTo: v ?? null })} /> },
              { title: '事项', render: (_, r) => <Input aria-label="事项" size="small" value={r.title} onChange={(e) => patch(r.key, { title: e.target.value })} /> },
              { title: '类别', width: 170, render: (_, r) => <Select aria-label="类别" size="small" style={{ width: 160 }} value={r.kind} options={kinds} onChange={(v: string) => patch(r.key, { kind: v })} /> },
              { title: '', width: 150, render: (_, r) => <Space size={0}><Button size="small" type="link" onClick={() => split(r.key)}>拆分</Button><Button size="small" type="link" onClick={() => mergeUp(r.key)}>并入上项</Button><Button size="small" type="link" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>删除</Button></Space> },
            ]} />
        </>
      )}
    </Modal>
  );
}
