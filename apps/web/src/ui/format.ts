/**
 * Numbers and dates as Vietnamese write them: a comma for decimals, a dot between thousands (1.234,5),
 * days as dd/mm/yyyy, times in Vietnam's time zone whatever the browser's.
 */
const numberFormats = new Map<number, Intl.NumberFormat>();

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A number with at most `digits` decimals; an em dash when there is none. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits })));
  return format.format(value);
}

/** A value of an indicator: a percentage (factor 100) with its sign, a count as a whole number. */
export function formatIndicatorValue(value: number | null | undefined, factor: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return factor === 100 ? `${formatNumber(value, 2)} %` : formatNumber(value, 2);
}

/** A rate between 0 and 1 as a percentage. */
export const formatRate = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${formatNumber(rate * 100, 1)} %`;

const dayFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: VIETNAM_TIME_ZONE,
});

/** A day (YYYY-MM-DD, as the API gives a Date) as dd/mm/yyyy. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  return dayFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** An instant (ISO 8601) as hh:mm dd/mm/yyyy in Vietnam's time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}
