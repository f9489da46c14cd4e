/**
 * 逢十 birthdays (DOMAIN.md §6): in a given year, which members reach an age divisible by ten. Pure so the rule
 * (and the 29 February case) is tested without a database.
 */
export interface DecadeHit {
  age: number;
  /** The day the birthday falls on in that year: a 29 February birthday is kept on 28 February in a common year. */
  date: string;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `birthDate` is YYYY-MM-DD; null when the age reached in `year` is not a multiple of ten or below `minAge`. */
export function decadeBirthday(birthDate: string, year: number, minAge: number): DecadeHit | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  const age = year - Number(m[1]);
  if (age <= 0 || age % 10 !== 0 || age < minAge) return null;
  // Why 28 February: the greeting goes out in February, before the month ends, not on 1 March.
  const day = m[2] === '02' && m[3] === '29' && !isLeap(year) ? '28' : m[3];
  return { age, date: `${year}-${m[2]}-${day}` };
}
