import { Button, Card, List, Popconfirm, Result, Space, Typography } from 'antd';
import type { ImportResult } from '../../../../../shared/contract';
import { IssuesDownload, UnitsPanel, WarningsPanel } from './ImportFindings';

interface Props {
  result: ImportResult;
  undone: boolean;
  busy: boolean;
  onUndo: () => void;
  onList: () => void;
  onAgain: () => void;
}

/** Step 6: what was written, what was skipped and why, and the way back (撤销本次导入). */
export function ResultStep({ result, undone, busy, onUndo, onList, onAgain }: Props) {
  const c = result.counts;
  const nothing = result.batchId === null;
  return (
    <Card>
      <Result
        status={undone ? 'info' : c.skipped ? 'warning' : 'success'}
        title={
          <span data-testid="import-result-title">
            {undone ? '本次导入已撤销' : nothing ? '没有需要写入的数据' : `导入完成：新建 ${c.created} 人，更新 ${c.updated} 人`}
          </span>
        }
        subTitle={
          <span data-testid="import-result-summary">
            读取 {c.rowsRead} 行，无变化 {c.unchanged} 人，跳过 {c.skipped} 行
            {result.batchId !== null ? `；批次号 ${result.batchId}，导入前已备份（${result.backup}）` : ''}
          </span>
        }
        extra={
          <Space>
            <Button type="primary" onClick={onList}>
              查看会员名册
            </Button>
            {result.batchId !== null && !undone && (
              <Popconfirm
                title="撤销本次导入？"
                description="新建的会员将被移除，更新过的会员恢复导入前的值。撤销前会先备份。"
                okText="撤销"
                okButtonProps={{ danger: true }}
                cancelText="不撤销"
                onConfirm={onUndo}
              >
                <Button danger loading={busy} data-testid="import-undo">
                  撤销本次导入
                </Button>
              </Popconfirm>
            )}
            <IssuesDownload result={result} rows={result.issueRows} />
            <Button onClick={onAgain}>再导入一个文件</Button>
          </Space>
        }
      />
      {!undone && <UnitsPanel preview={result} done={!nothing} />}
      {!undone && <WarningsPanel preview={result} />}
      {result.issueRows > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          「下载问题行」保存跳过的行和需要核对的行：原有各列，加上 行号 和 问题。在 Excel 或 WPS 中改好后，可直接再次导入这个文件（已导入的人按证件号码更新，不会重复）。
        </Typography.Paragraph>
      )}
      {result.errors.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>未导入的行（{c.skipped} 行）</Typography.Text>}
          dataSource={result.errors}
          pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(e) => (
            <List.Item>
              <Typography.Text>
                {result.chosenSheets.length > 1 ? `「${e.sheet}」` : ''}第 {e.row} 行{e.header ? ` ${e.column} 列「${e.header}」` : ''}：{e.message}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
