import { Alert, Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import type { ImportColumn, ImportPreview } from '../../../../../shared/contract';

interface Props {
  preview: ImportPreview;
  masked: 'skip' | 'withoutId';
  busy: boolean;
  onMap: (header: string, field: string | null) => void;
  onReset: () => void;
  onMasked: (v: 'skip' | 'withoutId') => void;
  onBack: () => void;
  onNext: () => void;
}

const NONE = '__none__';

function sourceTag(c: ImportColumn, remembered: boolean) {
  if (!c.field) return <Tag>不导入</Tag>;
  if (c.userChosen) return <Tag color="purple">{remembered ? '已记住的选择' : '手动指定'}</Tag>;
  if (c.confidence < 1) return <Tag color="orange">按相近的列名</Tag>;
  return <Tag color="green">自动识别</Tag>;
}

/**
 * Step 3: the detected header row(s) and each column's field, which the clerk can correct; corrections are
 * remembered for files with the same header.
 */
export function MappingStep({ preview, masked, busy, onMap, onReset, onMasked, onBack, onNext }: Props) {
  const options = [{ value: NONE, label: '（不导入）' }, ...preview.fields.map((f) => ({ value: f.key, label: f.label }))];
  const samples = (i: number) =>
    preview.rows
      .map((r) => r.cells[i]?.raw ?? '')
      .filter(Boolean)
      .slice(0, 3)
      .join('、');
  const remembered = preview.mappingSource === 'remembered';
  const hasMaskedIds = [...preview.errors, ...preview.warnings].some((i) => i.message.startsWith('身份证号被遮盖'));
  return (
    <Card
      title={
        <Space wrap>
          <span>表头与列对应</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="import-header-rows">
            {preview.chosenSheets.map((s) => `「${s}」`).join('、')}：表头在第 {preview.headerRows.join('、')} 行
            {preview.headerRows.length > 1 ? '（两行表头）' : ''}
          </Typography.Text>
        </Space>
      }
    >
      {preview.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="识别结果"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="import-notes">
              {preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
      {remembered && <Alert type="success" showIcon style={{ marginBottom: 12 }} title="已按上次为这种表头所做的选择对应各列。" />}
      {preview.blockers.map((b) => (
        <Alert key={b} type="error" showIcon style={{ marginBottom: 12 }} title={b} data-testid="import-blocker" />
      ))}
      <Table<ImportColumn>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={preview.columns}
        aria-label="列对应"
        scroll={{ y: 'calc(100vh - 460px)' }}
        columns={[
          { title: '列', dataIndex: 'letter', width: 48 },
          { title: '表头', dataIndex: 'header', width: 220, render: (h: string) => <Typography.Text strong>{h}</Typography.Text> },
          {
            title: '导入为',
            width: 200,
            render: (_v, c) => (
              <Select
                aria-label={`「${c.header}」导入为`}
                data-testid={`map-${c.letter}`}
                style={{ width: 180 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={c.field ?? NONE}
                options={options}
                disabled={busy}
                onChange={(v: string) => onMap(c.header, v === NONE ? null : v)}
              />
            ),
          },
          { title: '识别', width: 120, render: (_v, c) => sourceTag(c, remembered) },
          { title: '示例', ellipsis: true, render: (_v, c) => <Typography.Text type="secondary">{samples(preview.columns.indexOf(c))}</Typography.Text> },
          { title: '说明', dataIndex: 'hint', ellipsis: true, render: (h: string | null) => h ?? '' },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Checkbox
          checked={masked === 'withoutId'}
          onChange={(e) => onMasked(e.target.checked ? 'withoutId' : 'skip')}
          disabled={busy}
          data-testid="import-masked"
        >
          证件号被遮盖（如 …XXXX）的人按“无证件号”导入
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hasMaskedIds ? '本文件有被遮盖的证件号。' : ''}默认不导入这些行：遮盖的号码无法校验，也不会被当作有效号码保存。
        </Typography.Text>
      </div>
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>上一步</Button>
        <Button onClick={onReset} disabled={busy}>
          恢复自动识别
        </Button>
        <Button type="primary" onClick={onNext} loading={busy} disabled={preview.blockers.length > 0} data-testid="import-mapping-next">
          下一步：预览
        </Button>
      </Space>
    </Card>
  );
}
