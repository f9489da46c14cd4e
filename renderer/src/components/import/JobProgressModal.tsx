import { Modal } from 'antd';
import { ProgressPanel } from './ProgressPanel';
import type { useJob } from './use-job';

/**
 * A long job that leaves the page as it is (an undo, a computation): its progress and 取消 over the page once
 * it proves slow (use-job's `slow`), so a quick one never flashes a dialog.
 */
export function JobProgressModal({ job, title, note }: { job: ReturnType<typeof useJob>; title: string; note: string }) {
  return (
    <Modal open={job.slow} footer={null} closable={false} mask={{ closable: false }} width={560} title={null}>
      <ProgressPanel title={title} progress={job.progress} onCancel={job.cancel} note={note} />
    </Modal>
  );
}
