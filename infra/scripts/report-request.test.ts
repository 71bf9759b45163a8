import { describe, expect, it } from 'vitest';

import { dispositionFileName, reportRequest } from './report-request.js';

const GATEWAY = 'http://127.0.0.1:4000';

describe('npm run report', () => {
  it('asks the gateway for the annual report of a plan, unit and year', () => {
    expect(
      reportRequest(
        [
          '--',
          '--plan',
          'lang-son-2019-de-an-1437',
          '--unit',
          '20',
          '--year',
          '2025',
          '--user',
          'lead.langson',
          '--out',
          'r.docx',
        ],
        GATEWAY,
      ),
    ).toEqual({
      url: `${GATEWAY}/files/plans/lang-son-2019-de-an-1437/report.docx?year=2025&unit=20`,
      user: 'lead.langson',
      token: undefined,
      out: 'r.docx',
    });
  });

  it('asks for the progress, DHIS2 and status exports', () => {
    const xlsx = reportRequest(
      ['--plan', 'p', '--year', '2025', '--format', 'xlsx', '--by-commune', '--by-sex', '--target', 'a1-b1'],
      GATEWAY,
    );
    expect(xlsx).toMatchObject({
      url: `${GATEWAY}/files/plans/p/progress.xlsx?year=2025&byCommune=true&bySex=true&target=a1-b1`,
    });
    expect(reportRequest(['--plan', 'p', '--year', '2025', '--target', 'a1-b1'], GATEWAY)).toMatchObject({
      error: expect.stringContaining('--target are for xlsx and dhis2'),
    });
    const dhis2 = reportRequest(
      ['--plan', 'p', '--year', '2025', '--format', 'dhis2', '--token', 't'],
      'http://gw:8080/',
    );
    expect(dhis2).toEqual({
      url: 'http://gw:8080/files/plans/p/dhis2.json?year=2025',
      user: undefined,
      token: 't',
      out: undefined,
    });
    expect(reportRequest(['--format', 'status', '--period', 'abc'], GATEWAY)).toMatchObject({
      url: `${GATEWAY}/files/reporting/abc/status.xlsx`,
      user: 'lead.langson',
    });
    expect(reportRequest(['--format', 'status', '--plan', 'p', '--year', '2025'], GATEWAY)).toMatchObject({
      url: `${GATEWAY}/files/plans/p/status.xlsx?year=2025`,
    });
  });

  it('says what is missing or wrong', () => {
    expect(reportRequest(['--year', '2025'], GATEWAY)).toEqual({ error: '--plan <key> is required' });
    expect(reportRequest(['--plan', 'p'], GATEWAY)).toEqual({ error: '--year <year> is required' });
    expect(reportRequest(['--plan', 'p', '--year', '2025', '--format', 'pdf'], GATEWAY)).toMatchObject({
      error: expect.stringContaining('--format must be one of'),
    });
    expect(reportRequest(['--format', 'status'], GATEWAY)).toMatchObject({
      error: expect.stringContaining('--period'),
    });
    expect(reportRequest(['--plan', 'p', '--year', '2025', '--bogus'], GATEWAY)).toMatchObject({
      error: expect.stringContaining('bogus'),
    });
  });

  it('names the file as the gateway does', () => {
    expect(dispositionFileName(`attachment; filename="Bao cao.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx`)).toBe(
      'Báo cáo.docx',
    );
    expect(dispositionFileName('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(dispositionFileName(null)).toBeUndefined();
  });
});
