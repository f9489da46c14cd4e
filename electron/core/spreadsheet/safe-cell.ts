/**
 * Formula injection (CSV/XLSX injection): a cell whose text begins with = + - @ TAB or CR may be run as a
 * formula by a spreadsheet program, now or when the clerk edits it. Exports write such text with a leading
 * apostrophe (the OWASP advice) in a text-formatted cell; imports take the apostrophe off again, so an
 * export → import round trip changes nothing.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function protectCellText(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

export function unprotectCellText(text: string): string {
  return text.startsWith("'") && DANGEROUS_START.test(text.slice(1)) ? text.slice(1) : text;
}
