// Formats the schema uses, for the validator compiled at build time (schema-validator.generated.ts).

const DATE_SHAPE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** `YYYY-MM-DD` naming a day that exists (no February 30th). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_SHAPE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days in month `m` (1–12) of year `y` in the proleptic Gregorian calendar. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export const formats = {
  // Only calendar validity: the pattern reports the shape, so a malformed date gets one message.
  date: { type: 'string', validate: (s: string) => !DATE_SHAPE.test(s) || isCalendarDate(s) },
};
