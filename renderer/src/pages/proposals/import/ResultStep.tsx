import { Button, Result, Space, Typography } from 'antd';
import type { ProposalImportResult, ProposalPreviewRow } from '../../../../../shared/contract';
import { ImportPreviewTable } from './ImportPreviewTable';
import { UndoImportButton } from './ImportBatches';
import { RowOutcome } from './PreviewStep';

interface Props {
  result: ProposalImportResult;
  undone: boolean;
  onUndone: () => void;
  onOpenRegister: () => void;
  onAgain: () => void;
}

/** 导入结果: what was registered under which numbers, the rows skipped with why, and 撤销. */
export function ResultStep({ result, undone, onUndone, onOpenRegister, onAgain }: Props) {
  const c = result.counts;
  const created = c.proposals + c.opinions;
  const skippedRows = result.rows.filter((r) => r.action === 'skip');
  const title = undone
    ? '这次导入已撤销'
    : created
      ? `已导入 ${created} 件：提案 ${c.proposals} 件，意见建议 ${c.opinions} 件`
      : '没有可导入的行，未写入任何数据';
  return (
    <div>
      <Result
        status={undone ? 'info' : created ? (c.skipped ? 'warning' : 'success') : 'warning'}
        title={<span data-testid="import-result-title">{title}</span>}
        subTitle={
          undone
            ? '这批提案已移除，撤销前已备份。'
            : [
                c.withHistory ? `其中 ${c.withHistory} 件按表补记了办理过程。` : '',
                c.skipped ? `有 ${c.skipped} 行有错误，未导入（见下表），改正后可再导入这些行。` : '',
                result.backup ? `导入前已备份（${result.backup}）；批次号 ${result.batchId}。` : '',
              ].join('')
        }
        extra={
          <Space wrap>
            <Button type="primary" onClick={onOpenRegister}>
              查看提案登记簿
            </Button>
            <Button onClick={onAgain}>再导入一个文件</Button>
            {!undone && result.batchId !== null && <UndoImportButton batchId={result.batchId} count={created} onUndone={onUndone} />}
          </Space>
        }
      />
      {skippedRows.length > 0 && !undone && (
        <>
          <Typography.Title level={5}>未导入的行</Typography.Title>
          <ImportPreviewTable<ProposalPreviewRow>
            testId="import-skipped"
            columns={result.columns}
            rows={skippedRows}
            lead={{ title: '导入为', width: 110, render: (r) => <RowOutcome row={r} /> }}
          />
        </>
      )}
    </div>
  );
}
