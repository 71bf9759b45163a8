import { useIdentity } from '../../auth/AuthProvider.tsx';
import { can } from '../../auth/permissions.ts';
import { ServerFileButton } from '../../ui/ServerFileButton.tsx';

/**
 * The gateway's files of a plan's year (README, "Reports and exports"): the progress as Excel, the annual
 * report as Word and the figures as a DHIS2 data value set, for the unit the page shows (the plan's scope
 * when none). Offered only to whom may read plan progress (`aggregate`); the gateway still decides.
 */
export function PlanFiles({
  planKey,
  year,
  unitCode,
}: {
  planKey: string;
  year: number;
  unitCode?: string | undefined;
}) {
  const identity = useIdentity();
  if (!can(identity, 'aggregate')) return null;
  const base = `/files/plans/${encodeURIComponent(planKey)}`;
  const query = `?year=${year}${unitCode ? `&unit=${encodeURIComponent(unitCode)}` : ''}`;
  return (
    <div className="actions" role="group" aria-label="Tải tệp của kế hoạch">
      <ServerFileButton
        label="Tải tiến độ (Excel)"
        path={`${base}/progress.xlsx${query}`}
        fallbackName={`${planKey}-${year}.xlsx`}
      />
      <ServerFileButton
        label="Tải báo cáo năm (Word)"
        path={`${base}/report.docx${query}`}
        fallbackName={`bao-cao-${planKey}-${year}.docx`}
      />
      <ServerFileButton
        label="Tải số liệu DHIS2 (JSON)"
        path={`${base}/dhis2.json${query}&byCommune=true`}
        fallbackName={`dhis2-${planKey}-${year}.json`}
      />
    </div>
  );
}
