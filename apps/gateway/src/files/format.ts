import { PROGRESS_STATUS_LABELS, vietnameseNumber, type ProgressStatusName } from '@ecd/service-kit';

import type { IndicatorInfo } from './operations.js';

/** Whether an indicator's values are percentages (a ratio shown × 100). */
export const isPercent = (indicator: Pick<IndicatorInfo, 'kind' | 'factor'>) =>
  indicator.kind === 'RATIO' && indicator.factor === 100;

/** A value as the report prints it: "92,5 %" for a percentage, "12" for a count, "Có"/"Không" for yes/no. */
export function formatValue(value: number | null, indicator: Pick<IndicatorInfo, 'kind' | 'factor'>): string {
  if (value === null) return 'Chưa có số liệu';
  if (indicator.kind === 'BOOLEAN') return value >= 1 ? 'Có' : 'Không';
  return isPercent(indicator) ? `${vietnameseNumber(value)} %` : vietnameseNumber(value);
}

/** A milestone as the report prints it: "≥ 90 % (2025)". */
export function formatMilestone(
  milestone: { year: number; comparatorLabel: string; value: number } | null,
  indicator: Pick<IndicatorInfo, 'kind' | 'factor'>,
): string {
  if (!milestone) return '—';
  return `${milestone.comparatorLabel} ${formatValue(milestone.value, indicator)} (${milestone.year})`;
}

/**
 * The change from last year: "+2,5 điểm phần trăm", "−3", "Không đổi", or "—" when either year has no
 * figure (or the plan had not started).
 */
export function formatChange(
  value: number | null,
  previous: number | null | undefined,
  indicator: Pick<IndicatorInfo, 'kind' | 'factor'>,
): string {
  if (value === null || previous === null || previous === undefined) return '—';
  const change = value - previous;
  if (Math.abs(change) < 0.005) return 'Không đổi';
  const amount = `${change > 0 ? '+' : '−'}${vietnameseNumber(Math.abs(change))}`;
  return isPercent(indicator) ? `${amount} điểm phần trăm` : amount;
}

/** A progress status in words ("Đạt", "Chậm, không đạt"); null when the owning sector could not be asked. */
export const statusLabel = (status: ProgressStatusName | null) =>
  status ? PROGRESS_STATUS_LABELS[status] : 'Không xác định';

/** A rate of 0-1 as a percentage in words: "75 %"; "—" when nothing is expected. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${vietnameseNumber(rate * 100, 1)} %`);

/** A day (YYYY-MM-DD or an ISO instant) as Vietnamese write it: 05/12/2025 (the instant in Vietnam's time). */
export function formatDay(value: string | null): string {
  if (!value) return '—';
  const day = value.length === 10 ? value : vietnamDay(new Date(value));
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The day in Vietnam (UTC+7, no daylight saving) of an instant, YYYY-MM-DD. */
export const vietnamDay = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Text without Vietnamese diacritics (đ → d), for ASCII file names. */
export const withoutDiacritics = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
