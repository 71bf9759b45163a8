import { conflict } from '@ecd/service-kit';

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
