/** Calendar days in the viewer's time zone, as the survey form's date fields hold them. */

/**
 * The viewer's local midnight at the start of `day` (`YYYY-MM-DD`) plus `addDays`; null for
 * text that is not a date. The last day is sent as the midnight after it (the end excluded).
 */
export function midnightOf(day: string, addDays: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `YYYY-MM-DD` of a time in the viewer's time zone. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
