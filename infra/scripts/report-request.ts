/**
 * The download a `npm run report` command line asks for: which path of the running gateway, with which
 * parameters (README, "Reports and exports"). Pure, so the command's options are tested without a gateway.
 */
import { parseArgs } from 'node:util';

export const FORMATS = ['docx', 'xlsx', 'dhis2', 'status'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportRequest {
  url: string;
  user: string | undefined;
  token: string | undefined;
  out: string | undefined;
}

export const USAGE = `Usage: npm run report -- --plan <key> --year <year> [--unit <code>] [--format docx|xlsx|dhis2]
                          [--by-commune] [--by-sex] [--target <code>] [--user <demo user> | --token <jwt>] [--out <file>]
                          [--gateway http://127.0.0.1:4000]
       npm run report -- --format status (--period <id> | --plan <key> --year <year> [--frequency ANNUAL|MIDTERM|FINAL])
                          [--user …] [--out <file>]

  docx    the annual report (Word), /files/plans/<key>/report.docx
  xlsx    the progress (Excel), /files/plans/<key>/progress.xlsx
  dhis2   the figures as a DHIS2 data value set (JSON), /files/plans/<key>/dhis2.json
  status  a reporting period's status board (Excel), /files/reporting/<id>/status.xlsx
          or /files/plans/<key>/status.xlsx?year=<year>

The gateway must be running (npm start). Without --token, a token of the development issuer is made for
--user (default lead.langson), as \`npm run token\` does.`;

/** The request for the command line's arguments, or the reason they are wrong. */
export function reportRequest(args: string[], defaultGateway: string): ReportRequest | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: args.filter((a) => a !== '--'),
      options: {
        plan: { type: 'string' },
        unit: { type: 'string' },
        year: { type: 'string' },
        period: { type: 'string' },
        frequency: { type: 'string' },
        target: { type: 'string' },
        format: { type: 'string', default: 'docx' },
        'by-commune': { type: 'boolean', default: false },
        'by-sex': { type: 'boolean', default: false },
        user: { type: 'string' },
        token: { type: 'string' },
        out: { type: 'string' },
        gateway: { type: 'string', default: defaultGateway },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) return { error: `--format must be one of ${FORMATS.join(', ')}` };
  const base = values.gateway.replace(/\/+$/, '');
  const common = {
    user: values.token ? undefined : (values.user ?? 'lead.langson'),
    token: values.token,
    out: values.out,
  };
  if (format === 'status') {
    if (values.period)
      return { ...common, url: `${base}/files/reporting/${encodeURIComponent(values.period)}/status.xlsx` };
    if (!values.plan || !values.year) return { error: '--format status needs --period <id>, or --plan and --year' };
    const query = new URLSearchParams({ year: values.year });
    if (values.frequency) query.set('frequency', values.frequency);
    return { ...common, url: `${base}/files/plans/${encodeURIComponent(values.plan)}/status.xlsx?${query.toString()}` };
  }
  if (!values.plan) return { error: '--plan <key> is required' };
  if (!values.year) return { error: '--year <year> is required' };
  const query = new URLSearchParams({ year: values.year });
  if (values.unit) query.set('unit', values.unit);
  if (format !== 'docx') {
    if (values['by-commune']) query.set('byCommune', 'true');
    if (values['by-sex']) query.set('bySex', 'true');
    if (values.target) query.set('target', values.target);
  } else if (values['by-commune'] || values['by-sex'] || values.target) {
    return {
      error:
        'the annual report has every target and commune; --by-commune, --by-sex and --target are for xlsx and dhis2',
    };
  }
  const file = { docx: 'report.docx', xlsx: 'progress.xlsx', dhis2: 'dhis2.json' }[format];
  return { ...common, url: `${base}/files/plans/${encodeURIComponent(values.plan)}/${file}?${query.toString()}` };
}

/** The file name a download's Content-Disposition gives (its UTF-8 `filename*`, else `filename`). */
export function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1];
}
