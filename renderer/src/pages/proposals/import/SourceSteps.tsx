import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Radio, Space, Tag, Typography } from 'antd';
import type { CongressSession, SheetSummary } from '../../../../../shared/contract';
import { SessionSelect } from '../SessionSelect';

interface FileProps {
  sessions: CongressSession[];
  session: CongressSession | null;
  onSession: (id: number) => void;
  busy: boolean;
  onPick: () => void;
}

/** 选择文件: which session the register belongs to, then the file. */
export function FileStep({ sessions, session, onSession, busy, onPick }: FileProps) {
  return (
    <div>
      <Typography.Paragraph>
        很多单位先用 Excel 收集提案。选择提案登记表（.xlsx、.xls、.csv），程序会找出表头、核对每一行，再按表中顺序编号登记；有问题的行会逐行说明，不会悄悄丢掉。导入前会先备份，导入后可整批撤销。
      </Typography.Paragraph>
      <Space wrap>
        <Typography.Text>导入到</Typography.Text>
        <SessionSelect sessions={sessions} value={session?.id ?? null} onChange={onSession} width={220} />
        <Button type="primary" icon={<FileExcelOutlined />} disabled={!session} loading={busy} onClick={onPick}>
          选择提案登记表…
        </Button>
      </Space>
      {session && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {session.label}现有代表 {session.representativeCount} 人，每件提案至少需要 {session.minSeconders} 名附议人（不足的登记为意见建议）。
          提案人和附议人须是本届代表。
        </Typography.Paragraph>
      )}
    </div>
  );
}

interface SheetProps {
  fileName: string;
  sheets: SheetSummary[];
  value: string | null;
  onChange: (name: string) => void;
}

/** 选择工作表: every sheet with what was found in it; sheets without a register cannot be chosen. */
export function SheetStep({ fileName, sheets, value, onChange }: SheetProps) {
  return (
    <div>
      <Typography.Paragraph>
        文件「{fileName}」有 {sheets.length} 个工作表，请选择要导入的一个：
      </Typography.Paragraph>
      <Radio.Group value={value} onChange={(e) => onChange(e.target.value as string)} data-testid="sheet-choice">
        <Space orientation="vertical">
          {sheets.map((s) => (
            <Radio key={s.name} value={s.name} disabled={s.records === null}>
              <Typography.Text strong>{s.name}</Typography.Text>
              {s.hidden && <Tag style={{ marginLeft: 8 }}>隐藏</Tag>}
              <Typography.Text type={s.records === null ? 'secondary' : undefined} style={{ marginLeft: 8 }}>
                {s.records === null ? (s.reason ?? '没有可导入的表格') : `表头在第 ${s.headerRows.join('、')} 行，${s.records} 行数据`}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </div>
  );
}
