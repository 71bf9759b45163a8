import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { download, toCsv } from '../../ui/csv.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatIndicatorValue, formatNumber } from '../../ui/format.ts';
import { PROGRESS_STATUS_LABELS, SECTOR_LABELS } from '../../ui/labels.ts';
import { Loading } from '../../ui/Loading.tsx';
import { ServerFileButton } from '../../ui/ServerFileButton.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { defaultYear, yearsOf } from './plan-scope.ts';
import { PLAN_PERIOD, TARGET_COMMUNES } from './queries.ts';

interface SexCell {
  value: number | null;
  status: string;
  numerator: number;
  denominator: number | null;
}

interface CommuneRow {
  code: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  gap: number | null;
  shortfall: number | null;
  gapLabel: string | null;
  status: string | null;
  approximate: boolean;
  note: string | null;
  male: SexCell | null;
  female: SexCell | null;
}

/** A target in depth: each commune of the plan's ground, the largest shortfall first, boys and girls, and a download. */
export default function TargetPage() {
  const { planKey = '', targetId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requestedYear = Number(params.get('year')) || null;
  // Opened without a year: the plan's own default year, once its period is known.
  const period = useQuery(PLAN_PERIOD, { variables: { key: planKey }, skip: requestedYear !== null });
  const periodPlan = period.data?.plan;
  const year = requestedYear ?? (periodPlan ? defaultYear(periodPlan.periodStart, periodPlan.periodEnd) : null);
  const { data, loading, error } = useQuery(TARGET_COMMUNES, {
    variables: { key: planKey, year: year ?? 0, unitCode: params.get('unit') ?? undefined },
    skip: year === null,
  });
  const plan = data?.plan;
  const target = plan?.progress.find((t) => t.targetId === targetId);
  usePageTitle(target ? `Chỉ tiêu ${target.target.code} theo xã` : 'Chỉ tiêu theo xã');

  const rows = useMemo<CommuneRow[]>(() => {
    if (!target?.communes) return [];
    const bySex = new Map((target.communesBySex ?? []).map((c) => [c.unitCode, c.bySex]));
    return target.communes.map((c) => {
      const sexes = bySex.get(c.unitCode) ?? null;
      const cell = (sex: string): SexCell | null => {
        const s = sexes?.find((x) => x.sex === sex);
        return s ? { value: s.value, status: s.status, numerator: s.numerator, denominator: s.denominator } : null;
      };
      return {
        code: c.unitCode,
        name: c.unit.fullName,
        numerator: c.figure?.numerator ?? null,
        denominator: c.figure?.denominator ?? null,
        value: c.value,
        gap: c.gap,
        shortfall: c.shortfall,
        gapLabel: c.gapLabel,
        status: c.status,
        approximate: c.territory.approximate,
        note: c.territory.note,
        male: cell('MALE'),
        female: cell('FEMALE'),
      };
    });
  }, [target]);
  const hasSex = rows.some((r) => r.male || r.female);
  const factor = target?.indicator.factor ?? 1;

  const columns: Column<CommuneRow>[] = [
    {
      key: 'name',
      header: 'Xã, phường',
      rowHeader: true,
      sortValue: (r) => r.name,
      render: (r) => (
        <>
          {r.name} <span className="muted small">({r.code})</span>
        </>
      ),
    },
    {
      key: 'value',
      header: 'Giá trị',
      align: 'end',
      sortValue: (r) => r.value,
      render: (r) => formatIndicatorValue(r.value, factor),
    },
    {
      key: 'figure',
      header: 'Tử số / mẫu số',
      align: 'end',
      render: (r) =>
        r.numerator === null
          ? '—'
          : `${formatNumber(r.numerator)}${r.denominator !== null ? ` / ${formatNumber(r.denominator)}` : ''}`,
    },
    { key: 'gap', header: 'Khoảng cách', sortValue: (r) => r.shortfall, render: (r) => r.gapLabel ?? '—' },
    {
      key: 'status',
      header: 'Trạng thái',
      sortValue: (r) => r.status,
      render: (r) => <StatusBadge status={r.status} />,
    },
    ...(hasSex
      ? [
          {
            key: 'male',
            header: 'Nam',
            align: 'end' as const,
            sortValue: (r: CommuneRow) => r.male?.value,
            render: (r: CommuneRow) => formatIndicatorValue(r.male?.value, factor),
          },
          {
            key: 'female',
            header: 'Nữ',
            align: 'end' as const,
            sortValue: (r: CommuneRow) => r.female?.value,
            render: (r: CommuneRow) => formatIndicatorValue(r.female?.value, factor),
          },
        ]
      : []),
    {
      key: 'approximate',
      header: 'Địa bàn',
      render: (r) =>
        r.approximate ? (
          <span className="flag" title={r.note ?? undefined}>
            Ước tính{r.note ? `: ${r.note}` : ''}
          </span>
        ) : (
          'Chính xác'
        ),
    },
  ];

  const downloadTable = () => {
    if (!target) return;
    const header = [
      'Mã xã',
      'Xã, phường',
      'Giá trị',
      'Tử số',
      'Mẫu số',
      'Khoảng cách',
      'Trạng thái',
      ...(hasSex ? ['Nam', 'Nữ'] : []),
      'Ước tính theo địa bàn',
      'Ghi chú',
    ];
    const sorted = [...rows].sort((a, b) => (b.shortfall ?? -Infinity) - (a.shortfall ?? -Infinity));
    const body = sorted.map((r) => [
      r.code,
      r.name,
      r.value === null ? '' : formatNumber(r.value),
      r.numerator === null ? '' : formatNumber(r.numerator),
      r.denominator === null ? '' : formatNumber(r.denominator),
      r.gapLabel ?? '',
      r.status ? (PROGRESS_STATUS_LABELS[r.status] ?? r.status) : '',
      ...(hasSex ? [formatNumber(r.male?.value ?? null), formatNumber(r.female?.value ?? null)] : []),
      r.approximate ? 'Có' : 'Không',
      r.note ?? '',
    ]);
    download(`${planKey}-${target.target.code}-${year ?? ''}-theo-xa.csv`, toCsv([header, ...body]));
  };

  if ((loading || period.loading) && !data) return <Loading label="Đang tính tiến độ từng xã…" />;
  return (
    <section aria-labelledby="target-title">
      <p className="small">
        <Link to={`/ke-hoach?plan=${encodeURIComponent(planKey)}${year ? `&year=${year}` : ''}`}>← Về kế hoạch</Link>
      </p>
      <h1 id="target-title">
        {target ? `Chỉ tiêu ${target.target.code}: ${target.indicator.name}` : 'Chỉ tiêu theo xã'}
      </h1>
      {(error ?? period.error) && <ErrorMessage error={error ?? period.error} title="Không xem được chỉ tiêu này." />}
      {!year && !period.loading && !period.error && <p role="alert">Không có kế hoạch này.</p>}
      {plan && !target && !error && (
        <p role="alert">Kế hoạch không có chỉ tiêu này, hoặc chỉ tiêu không có số liệu định lượng.</p>
      )}
      {plan && target && (
        <>
          <p className="muted">
            {plan.title} — {target.unit.fullName}
          </p>
          <div className="panel filters">
            <div style={{ flex: '0 1 8rem' }}>
              <label htmlFor="year">Năm</label>
              <select
                id="year"
                value={year ?? ''}
                onChange={(e) => {
                  const next = new URLSearchParams(params);
                  next.set('year', e.target.value);
                  setParams(next, { replace: true });
                }}
              >
                {yearsOf(plan.periodStart, plan.periodEnd).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions" style={{ flex: '0 1 auto' }}>
              <button type="button" onClick={downloadTable} disabled={!rows.length}>
                Tải bảng (CSV)
              </button>
              <ServerFileButton
                label="Tải Excel"
                path={`/files/plans/${encodeURIComponent(planKey)}/progress.xlsx?year=${year ?? ''}&byCommune=true&bySex=true`}
                fallbackName={`${planKey}-${year ?? ''}.xlsx`}
              />
            </div>
          </div>
          <ul className="stats" aria-label="Toàn địa bàn">
            <li>
              <span className="muted small">Giá trị toàn địa bàn</span>
              <span className="value">{formatIndicatorValue(target.value, factor)}</span>
            </li>
            <li>
              <span className="muted small">Mốc</span>
              <span className="value">
                {target.milestone
                  ? `${target.milestone.comparatorLabel} ${formatIndicatorValue(target.milestone.value, factor)}`
                  : '—'}
              </span>
              {target.milestone && <span className="small muted">năm {target.milestone.year}</span>}
            </li>
            <li>
              <span className="muted small">Khoảng cách</span>
              <span className="value" style={{ fontSize: '1rem' }}>
                {target.gapLabel ?? '—'}
              </span>
            </li>
            <li>
              <span className="muted small">Trạng thái</span>
              <span className="value" style={{ fontSize: '1rem' }}>
                <StatusBadge status={target.status} />
              </span>
            </li>
            {target.bySex?.map((s) => (
              <li key={s.sex}>
                <span className="muted small">{s.label}</span>
                <span className="value">{formatIndicatorValue(s.value, factor)}</span>
                <StatusBadge status={s.status} />
              </li>
            ))}
          </ul>
          <p className="small muted">
            Ngành: {SECTOR_LABELS[target.indicator.sector] ?? target.indicator.sector}.
            {target.territory.approximate && (
              <span className="flag"> {target.territory.note ?? 'Số liệu ước tính theo địa bàn.'}</span>
            )}
          </p>
          <DataTable
            caption={`Các xã, phường năm ${year ?? ''}, xã còn thiếu nhiều nhất trước`}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.code}
            initialSort={{ key: 'gap', direction: 'descending' }}
            empty="Không có số liệu theo xã cho chỉ tiêu này."
          />
        </>
      )}
    </section>
  );
}
