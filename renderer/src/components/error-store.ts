import { ApiError, errorMessage } from '../api/errors';

export interface ReportedError {
  id: number;
  message: string;
  code: string | undefined;
  /** Shown for INTERNAL errors: the clerk reads it to support, who finds it in the log. */
  correlationId: string | undefined;
}

type Listener = () => void;
let items: ReportedError[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const emit = () => listeners.forEach((l) => l());

/** Any page hands a failure here; the banner at the top of the window shows it in Chinese. */
export function reportError(e: unknown): void {
  const item: ReportedError = {
    id: nextId++,
    message: errorMessage(e),
    code: e instanceof ApiError ? e.code : undefined,
    correlationId: e instanceof ApiError ? e.correlationId : undefined,
  };
  // The same message twice in a row is one problem, not two.
  if (items[0]?.message === item.message) items = items.slice(1);
  items = [item, ...items].slice(0, 3);
  emit();
}

export function dismissError(id: number): void {
  items = items.filter((i) => i.id !== id);
  emit();
}

export function clearErrors(): void {
  items = [];
  emit();
}

export const errorStore = {
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  snapshot: (): ReportedError[] => items,
};
