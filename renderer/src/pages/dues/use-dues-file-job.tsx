import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import type { FileRef } from '../../../../shared/contract';
import { isApiError } from '../../api';
import { JobProgressModal } from '../../components/import/JobProgressModal';
import { useJob } from '../../components/import/use-job';

/**
 * A dues file (收缴清单 .xlsx or PDF, 上解清单, 年度汇总) as a job: at 100,000 members it takes seconds, so once it
 * proves slow a progress dialog with 取消 (dues.exportCancel: no file is made). `run` gives null when cancelled.
 */
export function useDuesFileJob(): { run: (title: string, call: (jobId: string) => Promise<FileRef>) => Promise<FileRef | null>; modal: ReactNode } {
  const { message } = App.useApp();
  const job = useJob('dues.exportCancel');
  const [title, setTitle] = useState('');
  const run = async (what: string, call: (jobId: string) => Promise<FileRef>) => {
    setTitle(what);
    try {
      return await job.run(call);
    } catch (e) {
      if (isApiError(e) && e.code === 'CANCELLED') {
        message.info(`已取消${what}，没有生成文件`);
        return null;
      }
      throw e;
    }
  };
  const modal = <JobProgressModal job={job} title={`正在${title}`} note="取消后不会生成文件。" />;
  return { run, modal };
}
