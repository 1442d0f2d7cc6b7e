import type { Survey, SurveyType } from './api/types';
import { plural } from './format';

/** How the console names each survey type. */
export const SURVEY_TYPE_LABELS: Record<SurveyType, string> = {
  nps: 'NPS (0–10)',
  csat: 'CSAT (1–5)',
};

/**
 * Who sees a survey and when, as short phrases: "On pages whose URL contains “/checkout”",
 * "After the event “purchase”", "From 1 Dec 2026", "Until 24 Dec 2026", "5 s after the page opens",
 * "50 % of visitors",
 * "Signed-in people matching 2 trait rules", "Asked again after 90 days".
 */
export function describeTargeting(survey: Survey): string[] {
  const { urlContains, event, delaySeconds, startsAt, endsAt, traits } = survey.targeting ?? {};
  const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return [
    urlContains ? `On pages whose URL contains “${urlContains}”` : 'On every page',
    event ? `After the event “${event}”` : undefined,
    startsAt ? `From ${day(Date.parse(startsAt))}` : undefined,
    // The end is exclusive: the last day shown is the one before it.
    endsAt ? `Until ${day(Date.parse(endsAt) - 1)}` : undefined,
    traits
      ? `Signed-in people matching ${traits.match === 'any' && traits.rules.length > 1 ? 'any of ' : ''}${plural(traits.rules.length, 'trait rule')}`
      : undefined,
    delaySeconds ? `${delaySeconds} s after the page opens` : 'As soon as the page opens',
    `${survey.samplePercent} % of visitors`,
    survey.recontactDays === 0
      ? 'Asked again on every visit'
      : `Asked again after ${plural(survey.recontactDays, 'day')}`,
  ].filter((phrase): phrase is string => phrase !== undefined);
}

/** An NPS as people write it: "+40", "0", "−25" (a real minus sign). */
export function formatNps(nps: number | null): string {
  if (nps === null) return '—';
  if (nps > 0) return `+${nps}`;
  return nps < 0 ? `−${Math.abs(nps)}` : '0';
}

/** A share of a total as a whole percentage: 1 of 3 → "33 %". */
export function percentOf(part: number, total: number): string {
  return total === 0 ? '0 %' : `${Math.round((100 * part) / total)} %`;
}

/** A CSAT average as people read it: "4.25", "3", "—" without answers. */
export function formatAverage(average: number | null): string {
  return average === null ? '—' : String(Math.round(average * 100) / 100);
}

/** A margin of error: "± 4.8 points"; "—" without answers. */
export function formatMargin(margin: number | null): string {
  return margin === null ? '—' : `± ${margin.toFixed(1)}`;
}
