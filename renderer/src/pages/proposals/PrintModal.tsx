import type { PrintRequest } from '../../../../shared/contract';
import { api } from '../../api';
import { PrintPreview } from '../../components/print/PrintPreview';

interface Props {
  request: PrintRequest | null;
  onClose: () => void;
}

/** Print preview of the 提案表, 提案汇编 or 办理情况统计表; the core names the form and says if it lies landscape. */
export function PrintModal({ request, onClose }: Props) {
  return (
    <PrintPreview
      open={!!request}
      docKey={JSON.stringify(request)}
      load={() => api.call('proposals.printHtml', request!)}
      makePdf={() => api.call('proposals.printPdf', request!)}
      onClose={onClose}
      testId="print-preview"
    />
  );
}
