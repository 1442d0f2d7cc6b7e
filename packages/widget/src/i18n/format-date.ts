/** Format an ISO date for the visitor's locale; unparseable dates are shown as given. */
export function dateFormatter(locale: string): (iso: string) => string {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  } catch {
    formatter = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
  }
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
}
