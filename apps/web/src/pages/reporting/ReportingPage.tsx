import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { useIdentity } from '../../auth/AuthProvider.tsx';
import type { Identity } from '../../auth/identity.ts';
import { can, servesUnit } from '../../auth/permissions.ts';
import type { PlanReportingQuery, ReportingPeriodBoardQuery } from '../../generated/graphql.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatDateTime, formatDay, formatIndicatorValue, formatNumber, formatRate } from '../../ui/format.ts';
import { FREQUENCY_LABELS, SUBMISSION_STATUS_LABELS } from '../../ui/labels.ts';
import { Loading } from '../../ui/Loading.tsx';
import { ServerFileButton } from '../../ui/ServerFileButton.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { planInScope, unitChain } from '../plans/plan-scope.ts';
import { planName, preferredPlan, usePlansInScope } from '../plans/plans-in-scope.ts';
import {
  ACCEPT_REPORT,
  CREATE_SUBMISSION,
  OPEN_PERIOD,
  PLAN_REPORTING,
  REPORTING_PERIOD,
  RETURN_REPORT,
  SUBMIT_REPORT,
} from './queries.ts';

type Plan = NonNullable<PlanReportingQuery['plan']>;
type Period = NonNullable<ReportingPeriodBoardQuery['reportingPeriod']>;
type Report = Period['expectedReports'][number];

const REFETCH = ['ReportingPeriodBoard', 'PlanReporting'];

/**
 * Whether the person may write this agency's report (report:write, and the agency serves a unit of theirs):
 * a sector officer their own agency's, a lead agency or an admin any agency of their unit.
 */
export function mayWriteReport(identity: Identity, reporter: Report['reporter']): boolean {
  if (!can(identity, 'report:write')) return false;
  if (identity.roles.includes('admin')) return true;
  if (identity.roles.includes('lead-agency') && servesUnit(identity, unitChain(reporter.unit))) return true;
  return identity.agency === reporter.code;
}

/** Whether the person may accept or return the plan's reports (plan:manage in the plan's unit). */
export const mayReview = (identity: Identity, plan: Pick<Plan, 'scope'>) =>
  can(identity, 'plan:manage') && planInScope(identity, plan.scope);

function OpenPeriodForm({ plan }: { plan: Plan }) {
  const [frequency, setFrequency] = useState(plan.reportingRules[0]?.frequency ?? 'ANNUAL');
  const [year, setYear] = useState(Math.min(new Date().getFullYear(), plan.periodEnd));
  const [, setParams] = useSearchParams();
  const [open, { loading, error }] = useMutation(OPEN_PERIOD, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  if (!plan.reportingRules.length) return <p className="muted">Kế hoạch không quy định chế độ báo cáo.</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await open({ variables: { planKey: plan.key, frequency, year } }).catch(() => null);
    const id = result?.data?.openReportingPeriod.id;
    if (id) setParams({ plan: plan.key, period: id });
  };
  const years = Array.from({ length: plan.periodEnd - plan.periodStart + 1 }, (_, i) => plan.periodStart + i);
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="open-period-title">
      <h2 id="open-period-title">Mở kỳ báo cáo</h2>
      <div className="filters">
        <div>
          <label htmlFor="open-frequency">Loại báo cáo</label>
          <select
            id="open-frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as typeof frequency)}
          >
            {plan.reportingRules.map((rule) => (
              <option key={rule.frequency} value={rule.frequency}>
                {FREQUENCY_LABELS[rule.frequency] ?? rule.frequency} (hạn {rule.due.split('-').reverse().join('/')}, gửi{' '}
                {rule.recipient.name})
              </option>
            ))}
          </select>
        </div>
        <div style={{ flex: '0 1 8rem' }}>
          <label htmlFor="open-year">Năm</label>
          <select id="open-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="actions" style={{ flex: '0 1 auto' }}>
          <button type="submit" className="primary" disabled={loading}>
            Mở kỳ báo cáo
          </button>
        </div>
      </div>
      <ErrorMessage error={error} title="Không mở được kỳ báo cáo." />
    </form>
  );
}

/** A new version of an agency's report: its values for the plan's indicators (blank ones left out) and a note. */
function DraftForm({
  plan,
  period,
  report,
  onDone,
}: {
  plan: Plan;
  period: Period;
  report: Report;
  onDone: () => void;
}) {
  const indicators = [
    ...new Map(plan.targets.flatMap((t) => (t.indicator ? [[t.indicator.code, t.indicator] as const] : []))).values(),
  ];
  const [values, setValues] = useState<Record<string, { numerator: string; denominator: string }>>({});
  const [note, setNote] = useState('');
  const [difficulties, setDifficulties] = useState('');
  const [proposals, setProposals] = useState('');
  const [create, { loading, error }] = useMutation(CREATE_SUBMISSION, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const unitCode = report.reporter.unit?.code ?? plan.scope?.code ?? '';
  const parse = (text: string) => Number(text.trim().replace(/\./g, '').replace(',', '.'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const given = indicators.flatMap((indicator) => {
      const entry = values[indicator.code];
      if (!entry?.numerator.trim()) return [];
      return [
        {
          indicatorCode: indicator.code,
          unitCode,
          numerator: parse(entry.numerator),
          denominator: entry.denominator.trim() ? parse(entry.denominator) : null,
        },
      ];
    });
    const result = await create({
      variables: {
        periodId: period.id,
        reporterCode: report.reporter.code,
        values: given,
        note: note.trim() || null,
        difficulties: difficulties.trim() || null,
        proposals: proposals.trim() || null,
      },
    }).catch(() => null);
    if (result?.data) onDone();
  };
  const set = (code: string, field: 'numerator' | 'denominator', text: string) =>
    setValues((v) => ({ ...v, [code]: { numerator: '', denominator: '', ...v[code], [field]: text } }));
  return (
    <form onSubmit={(e) => void submit(e)} className="panel" aria-label={`Lập báo cáo của ${report.reporter.name}`}>
      <p className="small muted">
        Số liệu của {report.reporter.unit?.fullName ?? 'đơn vị'} (mã {unitCode}); để trống chỉ số không báo cáo. Chỉ số
        tỷ lệ cần cả tử số và mẫu số.
      </p>
      {indicators.map((indicator) => (
        <fieldset key={indicator.code} style={{ border: 0, padding: 0, margin: '0 0 0.5rem' }}>
          <legend className="small">{indicator.name}</legend>
          <div className="filters">
            <div>
              <label htmlFor={`num-${report.id}-${indicator.code}`}>
                {indicator.kind === 'RATIO' ? 'Tử số' : 'Giá trị'}
              </label>
              <input
                id={`num-${report.id}-${indicator.code}`}
                inputMode="decimal"
                value={values[indicator.code]?.numerator ?? ''}
                onChange={(e) => set(indicator.code, 'numerator', e.target.value)}
              />
            </div>
            {indicator.kind === 'RATIO' && (
              <div>
                <label htmlFor={`den-${report.id}-${indicator.code}`}>Mẫu số</label>
                <input
                  id={`den-${report.id}-${indicator.code}`}
                  inputMode="decimal"
                  value={values[indicator.code]?.denominator ?? ''}
                  onChange={(e) => set(indicator.code, 'denominator', e.target.value)}
                />
              </div>
            )}
          </div>
        </fieldset>
      ))}
      {(
        [
          ['note', 'Ghi chú, kết quả thực hiện', note, setNote],
          ['difficulties', 'Khó khăn, vướng mắc', difficulties, setDifficulties],
          ['proposals', 'Đề xuất, kiến nghị', proposals, setProposals],
        ] as const
      ).map(([name, label, value, set]) => (
        <div key={name}>
          <label htmlFor={`${name}-${report.id}`}>{label}</label>
          <textarea
            id={`${name}-${report.id}`}
            rows={3}
            maxLength={5000}
            style={{ width: '100%' }}
            value={value}
            onChange={(e) => set(e.target.value)}
          />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={loading}>
          Lưu bản nháp
        </button>
        <button type="button" onClick={onDone}>
          Hủy
        </button>
      </div>
      <ErrorMessage error={error} title="Không lưu được bản nháp." />
    </form>
  );
}

function ReturnForm({ submissionId, onDone }: { submissionId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [send, { loading, error }] = useMutation(RETURN_REPORT, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await send({ variables: { id: submissionId, reason } }).catch(() => null);
    if (result?.data) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="panel">
      <label htmlFor={`reason-${submissionId}`}>Lý do trả lại</label>
      <textarea
        id={`reason-${submissionId}`}
        rows={2}
        style={{ width: '100%' }}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={loading || !reason.trim()}>
          Trả lại báo cáo
        </button>
        <button type="button" onClick={onDone}>
          Hủy
        </button>
      </div>
      <ErrorMessage error={error} title="Không trả lại được báo cáo." />
    </form>
  );
}

/** The actions the person's role allows on one expected report, and the forms they open. */
function ReportActions({ plan, period, report }: { plan: Plan; period: Period; report: Report }) {
  const identity = useIdentity();
  const [form, setForm] = useState<'draft' | 'return' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [submit, submitting] = useMutation(SUBMIT_REPORT, options);
  const [accept, accepting] = useMutation(ACCEPT_REPORT, options);
  const latest = report.versions.at(-1);
  const writes = mayWriteReport(identity, report.reporter) && period.open;
  const reviews = mayReview(identity, plan);
  const canStart = writes && (!latest || latest.status === 'ACCEPTED' || latest.status === 'RETURNED');
  const run = async (action: () => Promise<unknown>, message: string) => {
    setDone(null);
    if (await action().catch(() => null)) setDone(message);
  };
  const who = report.reporter.name;
  return (
    <div>
      <div className="actions">
        {canStart && !form && (
          <button type="button" onClick={() => setForm('draft')} aria-label={`Lập báo cáo: ${who}`}>
            {latest ? 'Lập phiên bản mới' : 'Lập báo cáo'}
          </button>
        )}
        {writes && latest?.status === 'DRAFT' && (
          <button
            type="button"
            className="primary"
            disabled={submitting.loading}
            aria-label={`Nộp báo cáo: ${who}`}
            onClick={() => void run(() => submit({ variables: { id: latest.id } }), 'Đã nộp báo cáo.')}
          >
            Nộp báo cáo
          </button>
        )}
        {reviews && latest?.status === 'SUBMITTED' && (
          <>
            <button
              type="button"
              className="primary"
              disabled={accepting.loading}
              aria-label={`Chấp nhận báo cáo: ${who}`}
              onClick={() => void run(() => accept({ variables: { id: latest.id } }), 'Đã chấp nhận báo cáo.')}
            >
              Chấp nhận
            </button>
            {!form && (
              <button
                type="button"
                className="danger"
                onClick={() => setForm('return')}
                aria-label={`Trả lại báo cáo: ${who}`}
              >
                Trả lại
              </button>
            )}
          </>
        )}
      </div>
      {done && (
        <p role="status" className="small">
          {done}
        </p>
      )}
      <ErrorMessage error={submitting.error ?? accepting.error} />
      {form === 'draft' && <DraftForm plan={plan} period={period} report={report} onDone={() => setForm(null)} />}
      {form === 'return' && latest && <ReturnForm submissionId={latest.id} onDone={() => setForm(null)} />}
    </div>
  );
}

function History({ report }: { report: Report }) {
  if (!report.versions.length) return <span className="muted small">Chưa có</span>;
  return (
    <details>
      <summary>Lịch sử ({report.versions.length} phiên bản)</summary>
      {report.versions.map((version) => (
        <div key={version.id} className="small">
          <strong>Phiên bản {version.version}</strong>: {SUBMISSION_STATUS_LABELS[version.status]}
          {version.note && <> — “{version.note}”</>}
          {version.difficulties && <div>Khó khăn, vướng mắc: {version.difficulties}</div>}
          {version.proposals && <div>Đề xuất, kiến nghị: {version.proposals}</div>}
          {version.values.length > 0 && (
            <ul className="history">
              {version.values.map((v) => (
                <li key={`${v.indicator.code}-${v.unit.code}`}>
                  {v.indicator.name} ({v.unit.fullName}): {formatNumber(v.numerator)}
                  {v.denominator !== null && ` / ${formatNumber(v.denominator)}`}
                  {v.value !== null && ` = ${formatNumber(v.value)}`}
                </li>
              ))}
            </ul>
          )}
          <ol className="history">
            {version.history.map((step, i) => (
              <li key={i}>
                {formatDateTime(step.at)}: {step.from ? `${SUBMISSION_STATUS_LABELS[step.from]} → ` : ''}
                {SUBMISSION_STATUS_LABELS[step.to]} ({step.actor}){step.reason && <> — lý do: {step.reason}</>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </details>
  );
}

function PeriodBoard({ plan, periodId }: { plan: Plan; periodId: string }) {
  const { data, loading, error } = useQuery(REPORTING_PERIOD, { variables: { id: periodId } });
  const period = data?.reportingPeriod;
  if (loading && !data) return <Loading label="Đang tải kỳ báo cáo…" />;
  if (!period) return <ErrorMessage error={error} title="Không xem được kỳ báo cáo này." />;
  const status = period.status;
  const columns: Column<Report>[] = [
    {
      key: 'reporter',
      header: 'Cơ quan báo cáo',
      rowHeader: true,
      sortValue: (r) => r.reporter.name,
      render: (r) => (
        <>
          {r.reporter.name} <span className="muted small">({r.reporter.code})</span>
        </>
      ),
    },
    {
      key: 'status',
      header: 'Tình trạng',
      sortValue: (r) => r.versions.at(-1)?.status ?? '',
      render: (r) => {
        const latest = r.versions.at(-1);
        return (
          <>
            {latest ? (
              <StatusBadge kind="submission" status={latest.status} />
            ) : (
              <span className="muted">Chưa lập</span>
            )}
            {r.overdue && <span className="badge badge-behind"> Quá hạn</span>}
            {latest && <span className="muted small"> v{latest.version}</span>}
          </>
        );
      },
    },
    {
      key: 'submitted',
      header: 'Nộp lần đầu',
      sortValue: (r) => r.firstSubmittedAt,
      render: (r) =>
        r.firstSubmittedAt ? (
          <>
            {formatDateTime(r.firstSubmittedAt)}
            <span className="muted small"> {r.onTime ? '(đúng hạn)' : '(muộn)'}</span>
          </>
        ) : (
          '—'
        ),
    },
    { key: 'history', header: 'Lịch sử', render: (r) => <History report={r} /> },
    { key: 'actions', header: 'Thao tác', render: (r) => <ReportActions plan={plan} period={period} report={r} /> },
  ];
  return (
    <section aria-labelledby="period-title">
      <h2 id="period-title">
        Báo cáo {FREQUENCY_LABELS[period.frequency]?.toLowerCase()} năm {period.year}
      </h2>
      <p className="small">
        Hạn nộp {formatDay(period.dueOn)}; gửi {period.recipient.name}; {period.open ? 'đang mở' : 'đã đóng'}.
      </p>
      <div className="actions">
        <ServerFileButton
          label="Tải tình hình báo cáo (Excel)"
          path={`/files/reporting/${period.id}/status.xlsx`}
          fallbackName={`bao-cao-${period.year}.xlsx`}
        />
      </div>
      <ul className="stats" aria-label="Tình hình nộp báo cáo">
        <li>
          <span className="muted small">Phải nộp</span>
          <span className="value">{formatNumber(status.expected)}</span>
        </li>
        <li>
          <span className="muted small">Đã nộp</span>
          <span className="value">{formatNumber(status.submitted)}</span>
          <span className="small muted">{formatRate(status.completenessRate)}</span>
        </li>
        <li>
          <span className="muted small">Đúng hạn</span>
          <span className="value">{formatNumber(status.onTime)}</span>
          <span className="small muted">{formatRate(status.timelinessRate)}</span>
        </li>
        <li>
          <span className="muted small">Quá hạn</span>
          <span className="value">{formatNumber(status.overdue)}</span>
        </li>
      </ul>
      {error && <ErrorMessage error={error} title="Một phần dữ liệu không tải được." />}
      <DataTable
        caption={`Các báo cáo phải nộp (${period.expectedReports.length})`}
        columns={columns}
        rows={period.expectedReports}
        rowKey={(r) => r.id}
      />
      {status.bySector.length > 0 && (
        <DataTable
          caption="Theo lĩnh vực"
          columns={[
            { key: 'label', header: 'Lĩnh vực', rowHeader: true, render: (g) => g.label },
            { key: 'expected', header: 'Phải nộp', align: 'end', render: (g) => formatNumber(g.expected) },
            { key: 'submitted', header: 'Đã nộp', align: 'end', render: (g) => formatNumber(g.submitted) },
            { key: 'onTime', header: 'Đúng hạn', align: 'end', render: (g) => formatNumber(g.onTime) },
            { key: 'overdue', header: 'Quá hạn', align: 'end', render: (g) => formatNumber(g.overdue) },
          ]}
          rows={status.bySector}
          rowKey={(g) => g.group}
        />
      )}
    </section>
  );
}

export default function ReportingPage() {
  usePageTitle('Kỳ báo cáo');
  const identity = useIdentity();
  const [params, setParams] = useSearchParams();
  const { plans, loading, error } = usePlansInScope();
  const planKey = params.get('plan') ?? preferredPlan(plans, identity.unitCode)?.key ?? null;
  const reporting = useQuery(PLAN_REPORTING, { variables: { key: planKey ?? '' }, skip: !planKey });
  const plan = reporting.data?.plan;
  const periods = plan?.reportingPeriods ?? [];
  const periodId = params.get('period') ?? periods.at(-1)?.id ?? null;

  if (loading) return <Loading label="Đang tải danh sách kế hoạch…" />;
  if (error) return <ErrorMessage error={error} title="Không tải được danh sách kế hoạch." />;
  return (
    <section aria-labelledby="reporting-title">
      <h1 id="reporting-title">Kỳ báo cáo</h1>
      <div className="panel filters">
        <div>
          <label htmlFor="reporting-plan">Kế hoạch</label>
          <select id="reporting-plan" value={planKey ?? ''} onChange={(e) => setParams({ plan: e.target.value })}>
            {plans.map((p) => (
              <option key={p.key} value={p.key}>
                {planName(p)}
              </option>
            ))}
          </select>
        </div>
        {periods.length > 0 && (
          <div>
            <label htmlFor="reporting-period">Kỳ báo cáo</label>
            <select
              id="reporting-period"
              value={periodId ?? ''}
              onChange={(e) => setParams({ plan: planKey ?? '', period: e.target.value })}
            >
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {FREQUENCY_LABELS[p.frequency]} {p.year} — hạn {formatDay(p.dueOn)} — đã nộp {p.status.submitted}/
                  {p.status.expected}
                  {p.open ? '' : ' (đã đóng)'}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {reporting.loading && !plan && <Loading />}
      {reporting.error && <ErrorMessage error={reporting.error} title="Không xem được các kỳ báo cáo của kế hoạch." />}
      {plan && (
        <>
          {!periods.length && <p>Kế hoạch chưa có kỳ báo cáo nào được mở.</p>}
          {mayReview(identity, plan) && <OpenPeriodForm plan={plan} />}
          {periodId && <PeriodBoard plan={plan} periodId={periodId} />}
          {periods.length > 0 && (
            <p className="small muted">
              Tỷ lệ nộp các kỳ:{' '}
              {periods
                .map((p) => `${p.year} ${formatIndicatorValue((p.status.completenessRate ?? 0) * 100, 100)}`)
                .join('; ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
