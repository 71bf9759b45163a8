/**
 * The download paths beside `/graphql` (README, "Reports and exports"). Each one checks the caller as
 * `/graphql` does (`authenticated`: bearer token, rate limit), then gathers its data with ordinary GraphQL
 * operations run as that caller (`execute`), so every field is authorised by the subgraphs exactly as in
 * GraphQL: any error — a field refused, a bad argument, a sector down — refuses the whole download with
 * that error. The handlers stay thin; the documents are built by the pure modules beside this one.
 */
import type { Express, Request, Response } from 'express';

import type { RouteTools } from '@ecd/service-kit';

import { DEFAULT_DHIS2_MAPPING, dhis2DataValueSet, type Dhis2Mapping } from './dhis2.js';
import {
  ANNUAL_REPORT,
  PLAN_OUTLINE,
  PLAN_PERIODS,
  PROGRESS,
  REPORTING_STATUS,
  type AnnualReportAnswer,
  type PlanOutline,
  type PlanPeriodsAnswer,
  type ProgressAnswer,
  type ReportingStatusAnswer,
} from './operations.js';
import { isParameterProblem, planKeyProblem, readParameters, type ParameterName } from './params.js';
import { progressXlsx } from './progress-xlsx.js';
import { annualReportDocx } from './report-docx.js';
import { catalogued, refuse, refuseWithErrors, sendFile } from './respond.js';
import { reportingStatusXlsx } from './status-xlsx.js';

export interface FileRouteOptions {
  /** How figures are identified in DHIS2 (env `DHIS2_MAPPING`); by code when not configured. */
  dhis2Mapping?: Dhis2Mapping;
  /** The clock the documents are dated by (tests fix it). */
  now?: () => Date;
}

/** The paths, for the README and the command line. */
export const FILE_PATHS = {
  report: '/files/plans/:planKey/report.docx',
  progress: '/files/plans/:planKey/progress.xlsx',
  dhis2: '/files/plans/:planKey/dhis2.json',
  status: '/files/reporting/:periodId/status.xlsx',
  planStatus: '/files/plans/:planKey/status.xlsx',
} as const;

type Http = { req: Request; res: Response };

/** Mounts the download paths on the gateway's HTTP app (`routes` of startHttpService). */
export function fileRoutes(app: Express, { authenticated, execute }: RouteTools, options: FileRouteOptions = {}) {
  const now = options.now ?? (() => new Date());
  const mapping = options.dhis2Mapping ?? DEFAULT_DHIS2_MAPPING;

  /** Runs an operation as the caller; on any error answers with it and returns undefined. */
  async function gather<T>(http: Http, query: string, variables: Record<string, unknown>): Promise<T | undefined> {
    const { data, errors } = await execute(http, { query, variables });
    if (errors?.length) return refuseWithErrors(http.res, errors);
    return data as T;
  }

  /** The plan key, year and unit of a plan's path, checked; the plan's outline, or undefined once refused. */
  async function planRequest(http: Http, allowed: readonly ParameterName[]) {
    const key = String(http.req.params.planKey);
    const keyProblem = planKeyProblem(key);
    if (keyProblem) return refuse(http.res, 400, keyProblem);
    const params = readParameters(http.req.query, allowed);
    if (isParameterProblem(params)) return refuse(http.res, 400, params);
    const outline = await gather<{ plan: PlanOutline | null }>(http, PLAN_OUTLINE, { key });
    if (!outline) return undefined;
    if (!outline.plan) return refuse(http.res, 404, catalogued('planKey', 'UNKNOWN_PLAN'));
    return { key, params: { ...params, year: params.year ?? 0 }, outline: outline.plan };
  }

  const fileName = (what: string, key: string, year: number, unitCode: string | undefined, ext: string) =>
    `${what} năm ${year} - ${key}${unitCode ? ` - ${unitCode}` : ''}.${ext}`;
  const targetPart = (code: string | undefined) => (code ? ` - chỉ tiêu ${code}` : '');

  app.get(FILE_PATHS.report, authenticated, async (req, res) => {
    const request = await planRequest({ req, res }, ['year', 'unit']);
    if (!request) return;
    const { key, params, outline } = request;
    const answer = await gather<AnnualReportAnswer>({ req, res }, ANNUAL_REPORT, {
      key,
      year: params.year,
      unitCode: params.unitCode ?? null,
      previousYear: params.year - 1,
      withPrevious: params.year - 1 >= outline.periodStart && params.year - 1 <= outline.periodEnd,
    });
    if (!answer) return;
    if (!answer.plan) return refuse(res, 404, catalogued('planKey', 'UNKNOWN_PLAN'));
    const bytes = await annualReportDocx({ plan: answer.plan, year: params.year, generatedAt: now() });
    sendFile(res, bytes, 'docx', fileName('Báo cáo', key, params.year, params.unitCode, 'docx'));
  });

  /** A plan's progress as the progress query gives it (by commune and by sex when asked). */
  async function progressOf(http: Http, allowed: readonly ParameterName[]) {
    const request = await planRequest(http, allowed);
    if (!request) return undefined;
    const { key, params } = request;
    const answer = await gather<ProgressAnswer>(http, PROGRESS, {
      key,
      year: params.year,
      unitCode: params.unitCode ?? null,
      byCommune: params.byCommune,
      bySex: params.bySex,
    });
    if (!answer) return undefined;
    if (!answer.plan) return refuse(http.res, 404, catalogued('planKey', 'UNKNOWN_PLAN'));
    if (params.targetCode === undefined) return { key, params, plan: answer.plan };
    // One target (PlanTarget.progress's view), by its code in the plan.
    const progress = answer.plan.progress.filter((row) => row.target.code === params.targetCode);
    if (progress.length === 0)
      return refuse(
        http.res,
        400,
        catalogued(
          'target',
          'VALUE_NOT_ALLOWED',
          `Kế hoạch không có chỉ tiêu định lượng mã "${params.targetCode}"; các mã: ${answer.plan.progress
            .map((row) => row.target.code)
            .join(', ')}.`,
        ),
      );
    return { key, params, plan: { ...answer.plan, progress } };
  }

  app.get(FILE_PATHS.progress, authenticated, async (req, res) => {
    const found = await progressOf({ req, res }, ['year', 'unit', 'byCommune', 'bySex', 'target']);
    if (!found) return;
    const { key, params, plan } = found;
    const bytes = await progressXlsx({
      plan,
      year: params.year,
      byCommune: params.byCommune,
      bySex: params.bySex,
      progress: plan.progress,
      generatedAt: now(),
    });
    sendFile(
      res,
      bytes,
      'xlsx',
      fileName(`Tiến độ${targetPart(params.targetCode)}`, key, params.year, params.unitCode, 'xlsx'),
    );
  });

  app.get(FILE_PATHS.dhis2, authenticated, async (req, res) => {
    const found = await progressOf({ req, res }, ['year', 'unit', 'byCommune', 'bySex', 'target']);
    if (!found) return;
    const { key, params, plan } = found;
    const set = dhis2DataValueSet(plan.progress, mapping);
    sendFile(
      res,
      Buffer.from(JSON.stringify(set, null, 2)),
      'json',
      fileName('DHIS2', key, params.year, params.unitCode, 'json'),
    );
  });

  /** A period's status board as Excel. */
  async function sendStatus(http: Http, id: string) {
    const answer = await gather<ReportingStatusAnswer>(http, REPORTING_STATUS, { id });
    if (!answer) return;
    if (!answer.reportingPeriod) return refuse(http.res, 404, catalogued('periodId', 'UNKNOWN_PERIOD'));
    const period = answer.reportingPeriod;
    const bytes = await reportingStatusXlsx({ period, generatedAt: now() });
    sendFile(http.res, bytes, 'xlsx', `Tình hình báo cáo năm ${period.year} - ${period.plan.key}.xlsx`);
  }

  app.get(FILE_PATHS.status, authenticated, async (req, res) => {
    const params = readParameters(req.query, [], { requireYear: false });
    if (isParameterProblem(params)) return refuse(res, 400, params);
    await sendStatus({ req, res }, String(req.params.periodId));
  });

  // The same board found by plan, year and kind (ANNUAL by default), as officers know it.
  app.get(FILE_PATHS.planStatus, authenticated, async (req, res) => {
    const key = String(req.params.planKey);
    const keyProblem = planKeyProblem(key);
    if (keyProblem) return refuse(res, 400, keyProblem);
    const params = readParameters(req.query, ['year', 'frequency']);
    if (isParameterProblem(params)) return refuse(res, 400, params);
    const answer = await gather<PlanPeriodsAnswer>({ req, res }, PLAN_PERIODS, { key });
    if (!answer) return;
    if (!answer.plan) return refuse(res, 404, catalogued('planKey', 'UNKNOWN_PLAN'));
    const period = answer.plan.reportingPeriods.find((p) => p.year === params.year && p.frequency === params.frequency);
    if (!period)
      return refuse(
        res,
        404,
        catalogued('year', 'UNKNOWN_PERIOD', `Kế hoạch chưa mở kỳ báo cáo ${params.frequency} năm ${params.year}.`),
      );
    await sendStatus({ req, res }, period.id);
  });
}
