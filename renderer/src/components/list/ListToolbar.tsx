import type { ReactNode } from 'react';

/** The row above every list: filters and search on the left, a spacer (`<ListToolbar.Spacer />`), actions on the right. */
export function ListToolbar({ children, marginBottom = 12, testId }: { children: ReactNode; marginBottom?: number; testId?: string }) {
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom }} {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </div>
  );
}

ListToolbar.Spacer = function Spacer() {
  return <div style={{ flex: 1 }} />;
};
