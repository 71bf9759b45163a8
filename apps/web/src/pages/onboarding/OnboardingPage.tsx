import { useMutation } from '@apollo/client/react';
import { useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';

import type { DocumentFormat, ImportPlanMutation } from '../../generated/graphql.ts';
import { describeError, type ShownProblem } from '../../graphql/errors.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { formatNumber } from '../../ui/format.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { IMPORT_PLAN } from './queries.ts';

import '../entry/forms.css';

type Result = ImportPlanMutation['importPlan'];

/** Plan documents are small (the largest seed plan is some 40 KB): a file far larger is not one. */
export const MAX_DOCUMENT_BYTES = 1_000_000;

/** The format of a plan file by its name (.json, else YAML: .yaml, .yml). */
export const formatOfFile = (name: string): DocumentFormat => (/\.json$/i.test(name) ? 'JSON' : 'YAML');

/** The server's word for the whole document, as people read it. */
const WHOLE_DOCUMENT = '(document)';

/** A problem's place in the document as planners read it: `targets[1].milestones[0].value`, or the whole file. */
export const placeOf = (problem: ShownProblem) =>
  !problem.field || problem.field === WHOLE_DOCUMENT || problem.field === 'document' ? 'Toàn bộ tệp' : problem.field;

/**
 * Splits the answer to a check into the problems of the document (each with its path) and what was refused
 * otherwise (the refusal's summary, a plan outside the person's unit, a plan already held...).
 */
export function documentProblems(error: unknown): { byPath: ShownProblem[]; other: ShownProblem[] } {
  const problems = describeError(error);
  const nested = problems.filter((p) => p.code === 'BAD_USER_INPUT' && p.field !== 'document');
  const summary = problems.filter((p) => !nested.includes(p));
  return { byPath: nested, other: summary };
}

const columns: Column<ShownProblem & { n: number }>[] = [
  { key: 'n', header: 'STT', render: (p) => formatNumber(p.n, 0), sortValue: (p) => p.n, align: 'end' },
  {
    key: 'path',
    header: 'Vị trí trong tệp',
    rowHeader: true,
    sortValue: (p) => placeOf(p),
    render: (p) => <code>{placeOf(p)}</code>,
  },
  { key: 'message', header: 'Lỗi', render: (p) => p.message },
  { key: 'reason', header: 'Mã lỗi', sortValue: (p) => p.reason, render: (p) => <code>{p.reason ?? '—'}</code> },
];

function Summary({ result }: { result: Result }) {
  return (
    <ul className="stats" aria-label="Nội dung kế hoạch">
      <li>
        Chỉ tiêu<span className="value">{formatNumber(result.targets, 0)}</span>
      </li>
      <li>
        Chỉ tiêu có số liệu<span className="value">{formatNumber(result.numericTargets, 0)}</span>
      </li>
      <li>
        Mốc<span className="value">{formatNumber(result.milestones, 0)}</span>
      </li>
      <li>
        Nhiệm vụ<span className="value">{formatNumber(result.tasks, 0)}</span>
      </li>
      <li>
        Chế độ báo cáo<span className="value">{formatNumber(result.reportingRules, 0)}</span>
      </li>
    </ul>
  );
}

/**
 * Nhập kế hoạch: a plan file (YAML or JSON) checked by a dry run — every problem with its path in the
 * document — then, once clean, imported. The text can be corrected here and checked again.
 */
export default function OnboardingPage() {
  usePageTitle('Nhập kế hoạch');
  const [fileName, setFileName] = useState<string | null>(null);
  const [document, setDocument] = useState('');
  const [format, setFormat] = useState<DocumentFormat>('YAML');
  const [checked, setChecked] = useState<Result | null>(null);
  const [imported, setImported] = useState<Result | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [check, checking] = useMutation(IMPORT_PLAN);
  const [save, saving] = useMutation(IMPORT_PLAN, {
    // The plans read before (the plans page's lists, a unit's plans in force) no longer hold: read them again.
    update(cache, { data }) {
      if (data?.importPlan.dryRun !== false) return;
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'plans' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'administrativeUnit' });
      cache.gc();
    },
  });
  const outcome = useRef<HTMLHeadingElement>(null);

  const runCheck = async (text: string, documentFormat: DocumentFormat) => {
    setChecked(null);
    setImported(null);
    saving.reset();
    const result = await check({ variables: { document: text, format: documentFormat, dryRun: true } }).catch(
      () => null,
    );
    setChecked(result?.data?.importPlan ?? null);
    outcome.current?.focus();
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setFileProblem(
        `Tệp ${file.name} lớn quá ${formatNumber(MAX_DOCUMENT_BYTES / 1_000_000, 0)} MB: không phải tệp kế hoạch.`,
      );
      return;
    }
    const text = await file.text();
    const documentFormat = formatOfFile(file.name);
    setFileName(file.name);
    setDocument(text);
    setFormat(documentFormat);
    await runCheck(text, documentFormat);
  };

  const runImport = async () => {
    const result = await save({ variables: { document, format, dryRun: false } }).catch(() => null);
    const plan = result?.data?.importPlan ?? null;
    setImported(plan);
    if (plan) setChecked(null);
    outcome.current?.focus();
  };

  const { byPath, other } = documentProblems(checking.error ?? saving.error);
  const rows = byPath.map((p, i) => ({ ...p, n: i + 1 }));
  const busy = checking.loading || saving.loading;
  return (
    <section aria-labelledby="trang-nhap-ke-hoach">
      <h1 id="trang-nhap-ke-hoach">Nhập kế hoạch</h1>
      <p className="muted">
        Chọn tệp kế hoạch (YAML hoặc JSON, theo mẫu <code>plan.schema.json</code>). Hệ thống kiểm tra thử trước, liệt kê
        mọi lỗi kèm vị trí trong tệp; chỉ khi tệp không còn lỗi mới nhập được, và khi có lỗi thì không ghi gì.
      </p>
      <div className="panel">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="tep-ke-hoach">Tệp kế hoạch (.yaml, .yml, .json)</label>
            <input
              id="tep-ke-hoach"
              type="file"
              accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
              onChange={(e) => void choose(e)}
            />
          </div>
          <div className="field">
            <label htmlFor="dinh-dang">Định dạng</label>
            <select id="dinh-dang" value={format} onChange={(e) => setFormat(e.target.value as DocumentFormat)}>
              <option value="YAML">YAML</option>
              <option value="JSON">JSON</option>
            </select>
          </div>
        </div>
        {fileProblem && (
          <p className="error" role="alert">
            {fileProblem}
          </p>
        )}
        {fileName !== null && (
          <div className="field" style={{ marginTop: '0.75rem' }}>
            <label htmlFor="noi-dung-tep">Nội dung tệp {fileName} (có thể sửa tại đây rồi kiểm tra lại)</label>
            <textarea
              id="noi-dung-tep"
              className="document"
              rows={14}
              spellCheck={false}
              value={document}
              onChange={(e) => {
                setDocument(e.target.value);
                setChecked(null);
              }}
            />
          </div>
        )}
        <div className="actions" style={{ marginTop: '0.75rem' }}>
          <button type="button" disabled={!document.trim() || busy} onClick={() => void runCheck(document, format)}>
            {checking.loading ? 'Đang kiểm tra…' : 'Kiểm tra lại'}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!checked || busy}
            onClick={() => void runImport()}
            aria-describedby="dieu-kien-nhap"
          >
            {saving.loading ? 'Đang nhập…' : 'Nhập kế hoạch'}
          </button>
          <span id="dieu-kien-nhap" className="small muted">
            {checked ? 'Tệp không có lỗi.' : 'Chỉ nhập được khi lần kiểm tra gần nhất không có lỗi.'}
          </span>
        </div>
      </div>

      <section aria-labelledby="ket-qua-kiem-tra" aria-live="polite">
        <h2 id="ket-qua-kiem-tra" tabIndex={-1} ref={outcome}>
          Kết quả
        </h2>
        {busy && <p role="status">{checking.loading ? 'Đang kiểm tra tệp…' : 'Đang nhập kế hoạch…'}</p>}
        {!busy && !checked && !imported && !checking.error && !saving.error && (
          <p className="muted">Chưa kiểm tra tệp nào.</p>
        )}
        {other.length > 0 && (
          <div className="error" role="alert">
            <p className="error-title">{saving.error ? 'Chưa nhập được kế hoạch.' : 'Tệp chưa nhập được.'}</p>
            <ul>
              {other.map((p, i) => (
                <li key={i}>
                  {p.message}
                  {p.reason && <span className="error-reason"> [{p.reason}]</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {rows.length > 0 && (
          <DataTable
            caption={`Các lỗi trong tệp (${formatNumber(rows.length, 0)})`}
            columns={columns}
            rows={rows}
            rowKey={(p) => String(p.n)}
          />
        )}
        {checked && (
          <div className="panel result">
            <p role="status">
              Kiểm tra thử: tệp không có lỗi. Kế hoạch <strong>{checked.key}</strong> sẵn sàng để nhập.
            </p>
            <Summary result={checked} />
          </div>
        )}
        {imported && (
          <div className="panel result">
            <p role="status">
              Đã nhập kế hoạch <strong>{imported.plan?.title ?? imported.key}</strong>
              {imported.plan?.number ? ` (số ${imported.plan.number})` : ''}.
            </p>
            <Summary result={imported} />
            <p>
              <Link to={`/ke-hoach?plan=${encodeURIComponent(imported.key)}`}>Xem kế hoạch và tiến độ</Link>
            </p>
          </div>
        )}
      </section>
    </section>
  );
}
