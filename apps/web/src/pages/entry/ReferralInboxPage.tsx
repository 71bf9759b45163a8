import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';

import { useIdentity } from '../../auth/AuthProvider.tsx';
import type { Identity, IdentitySector } from '../../auth/identity.ts';
import type { ReferralCardFragment, ReferralStatus } from '../../generated/graphql.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatDateTime, formatDay, formatNumber } from '../../ui/format.ts';
import { SECTOR_LABELS } from '../../ui/labels.ts';
import { Loading } from '../../ui/Loading.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { problemsByField } from './field-problems.ts';
import { Field, invalidProps } from './Field.tsx';
import { REFERRAL_STATUS_LABELS } from './labels.ts';
import { ACCEPT_REFERRAL, DECLINE_REFERRAL, RECORD_REFERRAL_OUTCOME, REFERRAL_INBOX } from './queries.ts';

import './forms.css';

/** The referral sector each person's sector answers for (the API names LĐTBXH `SOCIAL_AFFAIRS`). */
const REFERRAL_SECTOR_OF: Record<IdentitySector, string> = {
  LDTBXH: 'SOCIAL_AFFAIRS',
  HEALTH: 'HEALTH',
  EDUCATION: 'EDUCATION',
  CULTURE: 'CULTURE',
};

/**
 * Whether the person answers this referral: only the sector it is addressed to accepts, declines or records
 * the outcome (the server refuses anyone else, SECTOR_NOT_ALLOWED); admins answer for every sector.
 */
export function answersReferral(identity: Identity, referral: Pick<ReferralCardFragment, 'toSector'>): boolean {
  if (identity.roles.includes('admin')) return true;
  return identity.sector !== null && REFERRAL_SECTOR_OF[identity.sector] === referral.toSector;
}

/** What can be done next with a referral in this status: answer a sent one, close an accepted one. */
export const nextSteps = (status: ReferralStatus) =>
  status === 'SENT' ? 'answer' : status === 'ACCEPTED' ? 'outcome' : null;

const STATUS_FILTERS: { value: ReferralStatus | ''; label: string }[] = [
  { value: '', label: 'Tất cả' },
  { value: 'SENT', label: REFERRAL_STATUS_LABELS.SENT },
  { value: 'ACCEPTED', label: REFERRAL_STATUS_LABELS.ACCEPTED },
  { value: 'DECLINED', label: REFERRAL_STATUS_LABELS.DECLINED },
  { value: 'DELIVERED', label: REFERRAL_STATUS_LABELS.DELIVERED },
  { value: 'NOT_DELIVERED', label: REFERRAL_STATUS_LABELS.NOT_DELIVERED },
];

const badgeOf = (status: string) => `badge badge-${status.toLowerCase().replace('_', '-')}`;

/** A reason, required (declining, not delivered), then the step: the form opened under the referral. */
function ReasonForm({
  referral,
  kind,
  onDone,
}: {
  referral: ReferralCardFragment;
  kind: 'decline' | 'not-delivered';
  onDone: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [decline, declining] = useMutation(DECLINE_REFERRAL);
  const [outcome, recording] = useMutation(RECORD_REFERRAL_OUTCOME);
  const error = kind === 'decline' ? declining.error : recording.error;
  const server = problemsByField(error, ['reason'], '');
  const fieldId = `ly-do-${referral.id}`;
  const problems = missing
    ? [{ message: 'Vui lòng ghi lý do.', reason: null, code: null, field: 'reason' }]
    : server.byField.get('reason');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    const result =
      kind === 'decline'
        ? await decline({ variables: { id: referral.id, reason: reason.trim() } }).catch(() => null)
        : await outcome({ variables: { id: referral.id, delivered: false, reason: reason.trim() } }).catch(() => null);
    if (result?.data) onDone(kind === 'decline' ? 'Đã từ chối chuyển tuyến.' : 'Đã ghi: không cung cấp được dịch vụ.');
  };
  const title = kind === 'decline' ? 'Từ chối chuyển tuyến' : 'Không cung cấp được dịch vụ';
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={title} className="panel">
      <Field
        id={fieldId}
        label={kind === 'decline' ? 'Lý do từ chối' : 'Lý do không cung cấp được'}
        problems={problems}
      >
        <textarea
          id={fieldId}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...invalidProps(fieldId, problems)}
        />
      </Field>
      <div className="actions" style={{ marginTop: '0.5rem' }}>
        <button type="submit" className="danger" disabled={declining.loading || recording.loading}>
          {title}
        </button>
        <button type="button" onClick={() => onDone('')}>
          Hủy
        </button>
      </div>
      {server.general.length > 0 && <ErrorMessage error={error} title="Chưa ghi được." />}
    </form>
  );
}

/** One referral: where the child was referred from and to, why, its steps, and the actions its status allows. */
function ReferralItem({ referral }: { referral: ReferralCardFragment }) {
  const identity = useIdentity();
  const [form, setForm] = useState<'decline' | 'not-delivered' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [accept, accepting] = useMutation(ACCEPT_REFERRAL);
  const [deliver, delivering] = useMutation(RECORD_REFERRAL_OUTCOME);
  const step = answersReferral(identity, referral) ? nextSteps(referral.status) : null;
  const heading = `${referral.toService} — ${referral.unit.fullName}`;
  const run = async (action: () => Promise<{ data?: unknown } | null>, message: string) => {
    setDone(null);
    if ((await action().catch(() => null))?.data) setDone(message);
  };
  const closed = (message: string) => {
    setForm(null);
    if (message) setDone(message);
  };
  return (
    <li aria-labelledby={`chuyen-tuyen-${referral.id}`}>
      <h3 id={`chuyen-tuyen-${referral.id}`}>{heading}</h3>
      <p>
        <span className={badgeOf(referral.status)}>{REFERRAL_STATUS_LABELS[referral.status]}</span>
      </p>
      <dl className="facts">
        <dt>Từ</dt>
        <dd>
          {SECTOR_LABELS[referral.fromSector] ?? referral.fromSector}: {referral.fromService}
        </dd>
        <dt>Đến</dt>
        <dd>
          {SECTOR_LABELS[referral.toSector] ?? referral.toSector}: {referral.toService}
        </dd>
        <dt>Lý do chuyển</dt>
        <dd>{referral.reason}</dd>
        <dt>Ngày chuyển</dt>
        <dd>
          {formatDay(referral.sentOn)} ({referral.sentBy})
        </dd>
      </dl>
      <details>
        <summary>Các bước xử lý ({referral.events.length})</summary>
        <ol className="history">
          {referral.events.map((event, i) => (
            <li key={i}>
              {formatDateTime(event.at)}: {REFERRAL_STATUS_LABELS[event.status]} ({event.by})
              {event.reason && <> — lý do: {event.reason}</>}
            </li>
          ))}
        </ol>
      </details>
      {step && !form && (
        <div className="actions" style={{ marginTop: '0.5rem' }}>
          {step === 'answer' ? (
            <>
              <button
                type="button"
                className="primary"
                disabled={accepting.loading}
                aria-label={`Tiếp nhận: ${heading}`}
                onClick={() => void run(() => accept({ variables: { id: referral.id } }), 'Đã tiếp nhận chuyển tuyến.')}
              >
                Tiếp nhận
              </button>
              <button
                type="button"
                className="danger"
                aria-label={`Từ chối: ${heading}`}
                onClick={() => setForm('decline')}
              >
                Từ chối…
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="primary"
                disabled={delivering.loading}
                aria-label={`Đã cung cấp dịch vụ: ${heading}`}
                onClick={() =>
                  void run(
                    () => deliver({ variables: { id: referral.id, delivered: true } }),
                    'Đã ghi: đã cung cấp dịch vụ.',
                  )
                }
              >
                Đã cung cấp dịch vụ
              </button>
              <button
                type="button"
                className="danger"
                aria-label={`Không cung cấp được: ${heading}`}
                onClick={() => setForm('not-delivered')}
              >
                Không cung cấp được…
              </button>
            </>
          )}
        </div>
      )}
      {form && <ReasonForm referral={referral} kind={form} onDone={closed} />}
      {done && (
        <p role="status" className="small">
          {done}
        </p>
      )}
      <ErrorMessage error={accepting.error ?? delivering.error} title="Chưa ghi được." />
    </li>
  );
}

/**
 * Chuyển tuyến: the referrals of children located in the person's unit, newest first, those addressed to their
 * sector first to answer (accept, decline with a reason, delivered or not with a reason).
 */
export default function ReferralInboxPage() {
  usePageTitle('Chuyển tuyến');
  const identity = useIdentity();
  const [status, setStatus] = useState<ReferralStatus | ''>('SENT');
  const [mineOnly, setMineOnly] = useState(identity.sector !== null);
  const [unitCode, setUnitCode] = useState(identity.unitCode ?? '');
  const [asked, setAsked] = useState(identity.unitCode ?? '');
  const { data, loading, error, fetchMore } = useQuery(REFERRAL_INBOX, {
    variables: { code: asked, status: status || null },
    skip: !asked,
    notifyOnNetworkStatusChange: true,
  });
  const unit = data?.administrativeUnit;
  const connection = unit?.referrals;
  const shown = (connection?.nodes ?? []).filter((r) => !mineOnly || answersReferral(identity, r));
  const mySector = identity.sector ? SECTOR_LABELS[REFERRAL_SECTOR_OF[identity.sector]] : null;
  return (
    <section aria-labelledby="trang-chuyen-tuyen">
      <h1 id="trang-chuyen-tuyen">Chuyển tuyến</h1>
      <p className="muted">
        Các yêu cầu chuyển tuyến trẻ em giữa các ngành tại địa bàn của bạn, mới nhất trước. Ngành nhận yêu cầu tiếp nhận
        hoặc từ chối (ghi lý do), rồi ghi kết quả: đã hoặc không cung cấp được dịch vụ (ghi lý do).
      </p>
      <form
        className="panel filters"
        aria-label="Lọc chuyển tuyến"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(unitCode.trim());
        }}
      >
        {!identity.unitCode && (
          <div>
            <label htmlFor="chuyen-tuyen-don-vi">Mã đơn vị</label>
            <input id="chuyen-tuyen-don-vi" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} />
          </div>
        )}
        <div>
          <label htmlFor="chuyen-tuyen-trang-thai">Trạng thái</label>
          <select
            id="chuyen-tuyen-trang-thai"
            value={status}
            onChange={(e) => setStatus(e.target.value as ReferralStatus | '')}
          >
            {STATUS_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        {mySector && (
          <div style={{ justifyContent: 'flex-end' }}>
            <label className="check">
              <input type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />
              Chỉ yêu cầu gửi đến ngành {mySector}
            </label>
          </div>
        )}
        {!identity.unitCode && (
          <div className="actions" style={{ flex: '0 1 auto' }}>
            <button type="submit">Xem</button>
          </div>
        )}
      </form>
      {loading && !data && <Loading label="Đang tải các yêu cầu chuyển tuyến…" />}
      <ErrorMessage error={error} title="Không xem được các yêu cầu chuyển tuyến." />
      {connection && (
        <>
          <p aria-live="polite">
            {unit.fullName}: {formatNumber(connection.totalCount, 0)} yêu cầu
            {status ? ` ${REFERRAL_STATUS_LABELS[status].toLowerCase()}` : ''}
            {mineOnly && mySector ? `; ${formatNumber(shown.length, 0)} gửi đến ngành ${mySector} trong số đã tải` : ''}
            .
          </p>
          {shown.length ? (
            <ul className="cards" aria-label="Các yêu cầu chuyển tuyến">
              {shown.map((referral) => (
                <ReferralItem key={referral.id} referral={referral} />
              ))}
            </ul>
          ) : (
            <p className="muted">Không có yêu cầu nào.</p>
          )}
          {connection.pageInfo.hasNextPage && (
            <div className="actions" style={{ marginTop: '0.75rem' }}>
              <button
                type="button"
                disabled={loading}
                onClick={() =>
                  void fetchMore({
                    variables: { after: connection.pageInfo.endCursor },
                    // The next page after the ones shown (the unit's own fields unchanged).
                    updateQuery: (previous, { fetchMoreResult }) => {
                      const before = previous.administrativeUnit;
                      const next = fetchMoreResult.administrativeUnit;
                      if (!before || !next) return previous;
                      return {
                        administrativeUnit: {
                          ...next,
                          referrals: { ...next.referrals, nodes: [...before.referrals.nodes, ...next.referrals.nodes] },
                        },
                      };
                    },
                  })
                }
              >
                Tải thêm
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
