import { useApolloClient } from '@apollo/client/react';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatIndicatorValue, formatNumber } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PLAN_PROGRESS } from './queries.ts';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TargetTrendProps {
  planKey: string;
  unitCode: string | undefined;
  targetId: string;
  name: string;
  factor: number;
  milestones: readonly { year: number; comparatorLabel: string; value: number }[];
  years: readonly number[];
}

interface Point {
  year: number;
  value: number | null;
  expected: number | null;
}

/**
 * A target across the years of its plan: its value each year, the trajectory the plan expects and the
 * milestones. The same progress query as the table, one per year (each year cached once asked), and the
 * figures again in a table for screen readers and for reading exact values.
 */
export default function TargetTrend({
  planKey,
  unitCode,
  targetId,
  name,
  factor,
  milestones,
  years,
}: TargetTrendProps) {
  const client = useApolloClient();
  const [points, setPoints] = useState<Point[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const element = useRef<HTMLDivElement>(null);

  // The years by value: the parent makes a new array at each render.
  const yearKey = years.join(',');
  useEffect(() => {
    let cancelled = false;
    setPoints(null);
    Promise.all(
      yearKey
        .split(',')
        .map(Number)
        .map((year) =>
          client
            .query({ query: PLAN_PROGRESS, variables: { key: planKey, year, unitCode } })
            .then(({ data }) => data?.plan?.progress.find((t) => t.targetId === targetId))
            .then((t) => ({ year, value: t?.value ?? null, expected: t?.expected ?? null })),
        ),
    ).then(
      (result) => !cancelled && setPoints(result),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, planKey, unitCode, targetId, yearKey]);

  useEffect(() => {
    if (!points || !element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const label = (v: unknown) => formatIndicatorValue(typeof v === 'number' ? v : null, factor);
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: "'Be Vietnam Pro', system-ui, sans-serif" },
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: label },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => formatNumber(v, 1) },
      },
      series: [
        { name: 'Giá trị', type: 'line', data: points.map((p) => p.value), connectNulls: false, symbolSize: 8 },
        {
          name: 'Lộ trình',
          type: 'line',
          data: points.map((p) => p.expected),
          lineStyle: { type: 'dashed' },
          symbol: 'none',
        },
        {
          name: 'Mốc',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 14,
          data: points.map((p) => milestones.find((m) => m.year === p.year)?.value ?? null),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, milestones, factor]);

  if (error) return <ErrorMessage error={error} title="Không tải được số liệu các năm." />;
  if (!points) return <Loading label="Đang tải số liệu các năm…" />;
  return (
    <>
      <div
        ref={element}
        className="chart"
        role="img"
        aria-label={`Biểu đồ ${name} qua các năm ${years[0] ?? ''}–${years.at(-1) ?? ''}, có lộ trình và mốc`}
      />
      <details>
        <summary>Số liệu của biểu đồ</summary>
        <div className="table-scroll" role="region" aria-label="Số liệu của biểu đồ" tabIndex={0}>
          <table>
            <caption>{name}</caption>
            <thead>
              <tr>
                <th scope="col">Năm</th>
                <th scope="col" className="num">
                  Giá trị
                </th>
                <th scope="col" className="num">
                  Lộ trình
                </th>
                <th scope="col" className="num">
                  Mốc
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => {
                const milestone = milestones.find((m) => m.year === p.year);
                return (
                  <tr key={p.year}>
                    <th scope="row">{p.year}</th>
                    <td className="num">{formatIndicatorValue(p.value, factor)}</td>
                    <td className="num">{formatIndicatorValue(p.expected, factor)}</td>
                    <td className="num">
                      {milestone ? `${milestone.comparatorLabel} ${formatIndicatorValue(milestone.value, factor)}` : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
