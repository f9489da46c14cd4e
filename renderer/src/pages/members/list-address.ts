/**
 * The list's address with its search and filters, remembered while the app runs so 返回 from a member (or
 * after saving one) lands on the same list, whatever the browser history holds.
 */
let last = '/members';

export function rememberListAddress(search: string): void {
  last = search ? `/members?${search}` : '/members';
}

export const lastListAddress = (): string => last;
