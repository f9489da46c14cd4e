import { Alert, Button, Card, Checkbox, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { SheetSummary } from '../../../../../shared/contract';

interface Props {
  fileName: string;
  sheets: SheetSummary[];
  chosen: string[];
  onChange: (names: string[]) => void;
  /** The clerk's header row (1-based), or null: found automatically. */
  headerRow: number | null;
  onHeaderRow: (row: number | null) => void;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
}

/**
 * Step 2: which sheet(s). A sheet without a roster says why; sheets with the same header as the chosen one
 * can be ticked together (one class per sheet, one department per sheet).
 */
export function SheetStep({ fileName, sheets, chosen, onChange, headerRow, onHeaderRow, onBack, onNext, busy }: Props) {
  const signature = sheets.find((s) => s.name === chosen[0])?.signature ?? null;
  const toggle = (name: string, on: boolean) => {
    const s = sheets.find((x) => x.name === name);
    if (!on) return onChange(chosen.filter((c) => c !== name));
    // A sheet with another header starts a new choice; one with the same header joins it.
    if (!signature || s?.signature !== signature) return onChange([name]);
    return onChange(sheets.filter((x) => x.name === name || chosen.includes(x.name)).map((x) => x.name));
  };
  return (
    <Card title={`「${fileName}」中的工作表`}>
      <Table<SheetSummary>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={sheets}
        aria-label="工作表"
        columns={[
          {
            title: '导入',
            width: 64,
            render: (_v, s) => (
              <Checkbox
                aria-label={`导入工作表 ${s.name}`}
                disabled={s.records === null && headerRow === null}
                checked={chosen.includes(s.name)}
                onChange={(e) => toggle(s.name, e.target.checked)}
              />
            ),
          },
          {
            title: '工作表',
            render: (_v, s) => (
              <Space>
                <Typography.Text strong>{s.name}</Typography.Text>
                {s.hidden && <Tag>隐藏</Tag>}
                {signature && s.signature === signature && !chosen.includes(s.name) && <Tag color="blue">表头相同，可一起导入</Tag>}
              </Space>
            ),
          },
          { title: '表头所在行', width: 120, render: (_v, s) => (s.headerRows.length ? `第 ${s.headerRows.join('、')} 行` : '—') },
          { title: '记录数', width: 90, render: (_v, s) => (s.records === null ? '—' : s.records) },
          { title: '说明', render: (_v, s) => (s.reason ? <Typography.Text type="secondary">{s.reason}</Typography.Text> : '找到会员名单') },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Typography.Text>表头在第</Typography.Text>
        <InputNumber
          aria-label="表头所在行"
          data-testid="import-header-row"
          min={1}
          max={1048576}
          precision={0}
          placeholder="自动"
          value={headerRow}
          onChange={(v) => onHeaderRow(typeof v === 'number' ? v : null)}
          style={{ width: 96 }}
        />
        <Typography.Text>行</Typography.Text>
        <Typography.Text type="secondary">留空则自动识别；表头不在前 30 行或识别错了时，填上表头所在的行号（Excel 左侧的数字）</Typography.Text>
      </Space>
      {!sheets.some((s) => s.records !== null) && headerRow === null && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title="这个文件的工作表里都没有自动找到会员名单。如果表头在更下面，请在上方填写表头所在的行；否则请确认选对了文件。" />
      )}
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" disabled={!chosen.length} loading={busy} onClick={onNext} data-testid="import-sheets-next">
          下一步：核对表头
        </Button>
      </Space>
    </Card>
  );
}
