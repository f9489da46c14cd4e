import { planKindOptions } from '../../../../shared/domain/plans-labels';
import { useAppState } from '../../state/app-state';

/** The kinds a picker offers (设置 → 计划事项类别); `keep` is the record's own kind, offered even if the list dropped it. */
export function usePlanKindOptions(keep?: string): { value: string; label: string }[] {
  const { settings } = useAppState();
  return planKindOptions(settings.planItemKinds, keep);
}
