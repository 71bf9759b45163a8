import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { useIdentity } from '../../auth/AuthProvider.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatIndicatorValue } from '../../ui/format.ts';
import { PLAN_LEVEL_LABELS, SECTOR_LABELS } from '../../ui/labels.ts';
import { Loading } from '../../ui/Loading.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { defaultYear, planInScope, progressUnitFor, yearsOf } from './plan-scope.ts';
import { PlanFiles } from './PlanFiles.tsx';
import { planName, preferredPlan, usePlansInScope } from './plans-in-scope.ts';
import { PLAN_PROGRESS } from './queries.ts';

// ECharts loads with the chart, after the table: it is not needed to read the figures.
const TargetTrend = lazy(() => import('./TargetTrend.tsx'));

export default function PlansPage() {
  usePageTitle('Kế hoạch và tiến độ');
  const identity = useIdentity();
  const [params, setParams] = useSearchParams();
  const { plans, loading, error } = usePlansInScope();
  const planKey = params.get('plan') ?? preferredPlan(plans, identity.unitCode)?.key ?? null;
  const summary = plans.find((p) => p.key === planKey);
  const year = Number(params.get('year')) || (summary ? defaultYear(summary.periodStart, summary.periodEnd) : null);
  const sector = params.get('sector') ?? '';
  const unitCode = summary ? progressUnitFor(identity, summary.scope) : undefined;

  const progress = useQuery(PLAN_PROGRESS, {
    variables: { key: planKey ?? '', year: year ?? 0, unitCode },
    skip: !planKey || !year,
  });
  const plan = progress.data?.plan;
  const targets = useMemo(
    () => (plan?.progress ?? []).filter((t) => !sector || t.indicator.sector === sector),
    [plan, sector],
  );
  const sectors = useMemo(() => [...new Set((plan?.progress ?? []).map((t) => t.indicator.sector))], [plan]);
  const [chartTarget, setChartTarget] = useState<string | null>(null);
  const charted = targets.find((t) => t.targetId === chartTarget) ?? targets[0];

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const columns: Column<(typeof targets)[number]>[] = [
    {
      key: 'target',
      header: 'Chỉ tiêu',
      rowHeader: true,
      sortValue: (t) => t.target.code,
      render: (t) => (
        <>
          <span className="muted small">{t.target.code}. </span>
          {t.indicator.name}
        </>
      ),
    },
    { key: 'sector', header: 'Ngành', render: (t) => SECTOR_LABELS[t.indicator.sector] ?? t.indicator.sector },
    {
      key: 'value',
      header: `Giá trị ${year ?? ''}`,
      align: 'end',
      sortValue: (t) => t.value,
      render: (t) => formatIndicatorValue(t.value, t.indicator.factor),
    },
    {
      key: 'milestone',
      header: 'Mốc',
      align: 'end',
      render: (t) =>
        t.milestone
          ? `${t.milestone.comparatorLabel} ${formatIndicatorValue(t.milestone.value, t.indicator.factor)} (${t.milestone.year})`
          : '—',
    },
    {
      key: 'expected',
      header: 'Lộ trình',
      align: 'end',
      render: (t) => formatIndicatorValue(t.expected, t.indicator.factor),
    },
    { key: 'gap', header: 'Khoảng cách', sortValue: (t) => t.gap, render: (t) => t.gapLabel ?? '—' },
    {
      key: 'status',
      header: 'Trạng thái',
      sortValue: (t) => t.status,
      render: (t) => <StatusBadge status={t.status} />,
    },
    {
      key: 'notes',
      header: 'Ghi chú',
      render: (t) => (
        <>
          {t.territory.approximate && (
            <span className="flag" title={t.territory.note ?? undefined}>
              Ước tính theo địa bàn
            </span>
          )}
          {t.figure?.reported && <span className="muted small"> Số liệu báo cáo tổng hợp</span>}
        </>
      ),
    },
    {
      key: 'detail',
      header: 'Theo xã',
      render: (t) => (
        <Link
          to={`/ke-hoach/${encodeURIComponent(plan?.key ?? '')}/chi-tieu/${t.targetId}?year=${year ?? ''}`}
          aria-label={`Chi tiết theo xã: ${t.indicator.name}`}
        >
          Chi tiết
        </Link>
      ),
    },
  ];

  if (loading) return <Loading label="Đang tải danh sách kế hoạch…" />;
  if (error) return <ErrorMessage error={error} title="Không tải được danh sách kế hoạch." />;

  const chain = plan
    ? [
        ...(plan.parent?.parent ? [plan.parent.parent] : []),
        ...(plan.parent ? [plan.parent] : []),
        { id: plan.id, key: plan.key, number: plan.number, title: plan.title, level: plan.level },
      ]
    : [];
  const children = (plan?.children ?? []).filter((child) => planInScope(identity, child.scope));

  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">Kế hoạch và tiến độ</h1>
      <div className="panel filters">
        <div>
          <label htmlFor="plan">Kế hoạch</label>
          <select id="plan" value={planKey ?? ''} onChange={(e) => update({ plan: e.target.value, year: null })}>
            {plans.map((p) => (
              <option key={p.key} value={p.key}>
                {PLAN_LEVEL_LABELS[p.level]}: {planName(p)}
              </option>
            ))}
          </select>
        </div>
        {summary && (
          <div style={{ flex: '0 1 8rem' }}>
            <label htmlFor="year">Năm</label>
            <select id="year" value={year ?? ''} onChange={(e) => update({ year: e.target.value })}>
              {yearsOf(summary.periodStart, summary.periodEnd).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        )}
        <div style={{ flex: '0 1 14rem' }}>
          <label htmlFor="sector">Ngành</label>
          <select id="sector" value={sector} onChange={(e) => update({ sector: e.target.value })}>
            <option value="">Tất cả các ngành</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {SECTOR_LABELS[s] ?? s}
              </option>
            ))}
          </select>
        </div>
      </div>

      {!plans.length && <p>Không có kế hoạch nào trong phạm vi của bạn.</p>}
      {progress.error && <ErrorMessage error={progress.error} title="Một phần số liệu không tải được." />}
      {progress.loading && !plan && <Loading label="Đang tính tiến độ các chỉ tiêu…" />}

      {plan && (
        <>
          <nav aria-label="Chuỗi kế hoạch" className="panel">
            <h2 className="small" style={{ margin: 0 }}>
              Chuỗi kế hoạch
            </h2>
            <ol className="chain">
              {chain.map((p) => (
                <li key={p.key} className={p.key === plan.key ? 'current' : undefined}>
                  {p.key === plan.key ? (
                    <span aria-current="page">{planName(p)}</span>
                  ) : (
                    <Link to={`/ke-hoach?plan=${encodeURIComponent(p.key)}`}>
                      {PLAN_LEVEL_LABELS[p.level]}: {p.number ?? p.title}
                    </Link>
                  )}
                </li>
              ))}
            </ol>
            {children.length > 0 && (
              <>
                <h3 className="small">Kế hoạch triển khai ({children.length})</h3>
                <ul>
                  {children.map((child) => (
                    <li key={child.key}>
                      <Link to={`/ke-hoach?plan=${encodeURIComponent(child.key)}`}>
                        {PLAN_LEVEL_LABELS[child.level]}: {planName(child)}
                      </Link>
                      {child.scope && <span className="muted small"> — {child.scope.fullName}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="small muted" style={{ marginBottom: 0 }}>
              Thời kỳ {plan.periodStart}–{plan.periodEnd}
              {plan.scope ? `; địa bàn: ${plan.scope.fullName}` : '; toàn quốc'}
              {unitCode ? `; tiến độ tính cho đơn vị ${unitCode}` : ''}
            </p>
          </nav>

          {year && <PlanFiles planKey={plan.key} year={year} unitCode={unitCode} />}
          <DataTable
            caption={`Các chỉ tiêu năm ${year ?? ''}${sector ? ` — ngành ${SECTOR_LABELS[sector] ?? sector}` : ''}`}
            columns={columns}
            rows={targets}
            rowKey={(t) => t.targetId}
            empty="Kế hoạch không có chỉ tiêu định lượng nào (hoặc không có chỉ tiêu của ngành đã chọn)."
          />

          {charted && year && (
            <section className="panel" aria-labelledby="trend-title">
              <h2 id="trend-title">Diễn biến qua các năm</h2>
              <div className="filters">
                <div>
                  <label htmlFor="trend-target">Chỉ tiêu</label>
                  <select id="trend-target" value={charted.targetId} onChange={(e) => setChartTarget(e.target.value)}>
                    {targets.map((t) => (
                      <option key={t.targetId} value={t.targetId}>
                        {t.target.code}. {t.indicator.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <Suspense fallback={<Loading label="Đang tải biểu đồ…" />}>
                <TargetTrend
                  planKey={plan.key}
                  unitCode={unitCode}
                  targetId={charted.targetId}
                  name={charted.indicator.name}
                  factor={charted.indicator.factor}
                  milestones={plan.targets.find((t) => t.id === charted.targetId)?.milestones ?? []}
                  years={yearsOf(plan.periodStart, plan.periodEnd)}
                />
              </Suspense>
            </section>
          )}
        </>
      )}
    </section>
  );
}
