// Formats the schema uses, for the validator compiled at build time (schema-validator.generated.ts).

/** `YYYY-MM-DD` naming a day that exists (no February 30th). */
export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE_SHAPE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export const formats = {
  // Only calendar validity: the pattern reports the shape, so a malformed date gets one message.
  date: { type: 'string', validate: (s: string) => !DATE_SHAPE.test(s) || isCalendarDate(s) },
};
