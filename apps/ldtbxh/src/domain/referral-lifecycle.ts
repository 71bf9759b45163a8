/**
 * The referral of a child between sectors (chuyển tuyến): sent, then accepted or declined by the
 * receiving service; an accepted referral ends delivered or not delivered. Final states never change.
 */
export type ReferralStatus = 'SENT' | 'ACCEPTED' | 'DECLINED' | 'DELIVERED' | 'NOT_DELIVERED';
export type ReferralAction = 'ACCEPT' | 'DECLINE' | 'DELIVER' | 'NOT_DELIVER';

const TRANSITIONS: Record<ReferralAction, { from: ReferralStatus; to: ReferralStatus; label: string }> = {
  ACCEPT: { from: 'SENT', to: 'ACCEPTED', label: 'tiếp nhận' },
  DECLINE: { from: 'SENT', to: 'DECLINED', label: 'từ chối' },
  DELIVER: { from: 'ACCEPTED', to: 'DELIVERED', label: 'ghi nhận đã cung cấp dịch vụ' },
  NOT_DELIVER: { from: 'ACCEPTED', to: 'NOT_DELIVERED', label: 'ghi nhận không cung cấp được dịch vụ' },
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  SENT: 'đã chuyển',
  ACCEPTED: 'đã tiếp nhận',
  DECLINED: 'bị từ chối',
  DELIVERED: 'đã cung cấp dịch vụ',
  NOT_DELIVERED: 'không cung cấp được dịch vụ',
};

/** Actions whose event must say why. */
export const REASON_REQUIRED: ReadonlySet<ReferralAction> = new Set(['DECLINE', 'NOT_DELIVER']);

export type TransitionResult = { ok: true; from: ReferralStatus; to: ReferralStatus } | { ok: false; message: string };

/** The status an action leads to from `current`, or why it is refused. */
export function referralTransition(current: ReferralStatus, action: ReferralAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (rule.from !== current) {
    return {
      ok: false,
      message: `Không thể ${rule.label} một yêu cầu chuyển tuyến ${REFERRAL_STATUS_LABELS[current]} (chỉ được khi ${REFERRAL_STATUS_LABELS[rule.from]}).`,
    };
  }
  return { ok: true, from: rule.from, to: rule.to };
}

export type ProtectionCaseStatus = 'OPEN' | 'SUPPORTED' | 'CLOSED';
const CASE_NEXT: Record<ProtectionCaseStatus, ProtectionCaseStatus | null> = {
  OPEN: 'SUPPORTED',
  SUPPORTED: 'CLOSED',
  CLOSED: null,
};
const CASE_LABELS: Record<ProtectionCaseStatus, string> = {
  OPEN: 'đang mở',
  SUPPORTED: 'đã hỗ trợ',
  CLOSED: 'đã đóng',
};

/** A protection case goes open → supported → closed, one step at a time. */
export function protectionCaseTransition(
  current: ProtectionCaseStatus,
  to: ProtectionCaseStatus,
): { ok: true } | { ok: false; message: string } {
  if (CASE_NEXT[current] === to) return { ok: true };
  return {
    ok: false,
    message: `Vụ việc ${CASE_LABELS[current]} không thể chuyển sang "${CASE_LABELS[to]}" (thứ tự: đang mở → đã hỗ trợ → đã đóng).`,
  };
}
