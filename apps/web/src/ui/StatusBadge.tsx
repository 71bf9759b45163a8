import { PROGRESS_STATUS_LABELS, SUBMISSION_STATUS_LABELS } from './labels.ts';

/** A status in words, with a colour that repeats it (never the colour alone). */
export function StatusBadge({
  status,
  kind = 'progress',
}: {
  status: string | null;
  kind?: 'progress' | 'submission';
}) {
  if (!status) return <span className="badge badge-none">—</span>;
  const labels = kind === 'progress' ? PROGRESS_STATUS_LABELS : SUBMISSION_STATUS_LABELS;
  return <span className={`badge badge-${status.toLowerCase().replace('_', '-')}`}>{labels[status] ?? status}</span>;
}
