import { conflict, textProblems, type InputProblem } from '@ecd/service-kit';

export type SubmissionStatus = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export type SubmissionAction = 'SUBMIT' | 'ACCEPT' | 'RETURN';

/** The lifecycle: draft → submitted → accepted or returned. Corrections are new versions, never edits. */
const TRANSITIONS: Record<SubmissionAction, { from: SubmissionStatus; to: SubmissionStatus }> = {
  SUBMIT: { from: 'DRAFT', to: 'SUBMITTED' },
  ACCEPT: { from: 'SUBMITTED', to: 'ACCEPTED' },
  RETURN: { from: 'SUBMITTED', to: 'RETURNED' },
};

const STATUS_LABELS: Record<SubmissionStatus, string> = {
  DRAFT: 'bản nháp',
  SUBMITTED: 'đã nộp',
  ACCEPTED: 'đã chấp nhận',
  RETURNED: 'đã trả lại',
};

/** The status an action leads to, or a typed CONFLICT error saying why it is not allowed now. */
export function nextStatus(current: SubmissionStatus, action: SubmissionAction): SubmissionStatus {
  const transition = TRANSITIONS[action];
  if (transition.from !== current) {
    throw conflict(`Không thể ${ACTION_LABELS[action]} báo cáo đang ở trạng thái ${STATUS_LABELS[current]}.`, {
      field: 'submissionId',
      reason: 'ILLEGAL_STATUS_TRANSITION',
      from: current,
      action,
    });
  }
  return transition.to;
}

const ACTION_LABELS: Record<SubmissionAction, string> = { SUBMIT: 'nộp', ACCEPT: 'chấp nhận', RETURN: 'trả lại' };

/** Only a draft can change; anything submitted is frozen. */
export const isFrozen = (status: SubmissionStatus) => status !== 'DRAFT';

/**
 * A new version may start when there is none yet, or when the latest one is settled or sent back:
 * never beside an open draft (edit that) or a report waiting for review (accept or return it first).
 */
export function canStartVersion(latest: SubmissionStatus | undefined): boolean {
  return latest === undefined || latest === 'ACCEPTED' || latest === 'RETURNED';
}

/** The longest text an agency may write in a report (each of note, difficulties, proposals). */
export const REPORT_TEXT_MAX_LENGTH = 5000;

/** The texts an agency writes in its report, which the annual report quotes: each optional. */
export interface ReportTexts {
  note?: string | null | undefined;
  difficulties?: string | null | undefined;
  proposals?: string | null | undefined;
}

const TEXT_LABELS: Record<keyof ReportTexts, string> = {
  note: 'Kết quả thực hiện',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
};

/** Every problem of a report's texts (too long), each on its argument. */
export function reportTextProblems(texts: ReportTexts): InputProblem[] {
  return (Object.keys(TEXT_LABELS) as (keyof ReportTexts)[]).flatMap((field) =>
    textProblems(field, texts[field], TEXT_LABELS[field], REPORT_TEXT_MAX_LENGTH, { required: false }),
  );
}

/**
 * The texts as stored: trimmed, blank as null; a text not given is left out (an edit keeps the draft's),
 * one given as null clears it.
 */
export function storedReportTexts(texts: ReportTexts): ReportTexts {
  return Object.fromEntries(
    (Object.keys(TEXT_LABELS) as (keyof ReportTexts)[])
      .filter((field) => texts[field] !== undefined)
      .map((field) => [field, texts[field]?.trim() || null]),
  );
}
