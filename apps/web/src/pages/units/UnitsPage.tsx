import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { UnitHistoryQuery, UnitLevel, UnitLinkFragment } from '../../generated/graphql.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatDay, formatNumber } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { UNIT_LEVEL_LABELS } from '../entry/labels.ts';
import { SEARCH_UNITS, UNIT_HISTORY } from './queries.ts';

import '../entry/forms.css';

type Unit = NonNullable<UnitHistoryQuery['administrativeUnit']>;

/** The address of a unit in its period (a code names different units before and after the 2025 reform). */
export const unitAddress = (unit: { code: string; validFrom: string }, params?: URLSearchParams) => {
  const next = new URLSearchParams(params);
  next.set('ma', unit.code);
  next.set('tu', unit.validFrom);
  return `/don-vi?${next.toString()}`;
};

/** A unit's period in words: "từ 01/07/2025 đến nay", "từ 01/01/2019 đến 30/06/2025". */
export const periodOf = (unit: { validFrom: string; validTo?: string | null }) =>
  `từ ${formatDay(unit.validFrom)} ${unit.validTo ? `đến ${formatDay(unit.validTo)}` : 'đến nay'}`;

/** The mapping's confidence label as the source gives it, in words. */
export function confidenceOf(label: string): string {
  const [how, level] = label.includes(':') ? label.split(':') : [null, label];
  const words: Record<string, string> = { high: 'cao', medium: 'trung bình', low: 'thấp' };
  const said = `độ tin cậy ${words[level ?? ''] ?? level}`;
  return how === 'manual' ? `${said}, đối chiếu thủ công` : said;
}

function SuccessionList({ links, params }: { links: readonly UnitLinkFragment[]; params: URLSearchParams }) {
  return (
    <ul className="cards">
      {links.map((link) => (
        <li key={`${link.unit.code}-${link.unit.validFrom}`}>
          <Link to={unitAddress(link.unit, params)}>{link.unit.fullName}</Link>{' '}
          <span className="muted small">
            (mã {link.unit.code}
            {link.unit.parent ? `, ${link.unit.parent.fullName}` : ''}; {periodOf(link.unit)})
          </span>
          <p className="small" style={{ margin: '0.25rem 0 0' }}>
            Hiệu lực {formatDay(link.effectiveOn)}; {confidenceOf(link.confidence)}
            {link.partial && '; một phần (đơn vị cũ được chia cho nhiều đơn vị mới, nguồn không ghi tỷ lệ)'}
            {link.shareNote && ` — ${link.shareNote}`}
            {link.note && ` — ${link.note}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

function UnitDetails({ code, validFrom, params }: { code: string; validFrom: string; params: URLSearchParams }) {
  const { data, loading, error } = useQuery(UNIT_HISTORY, { variables: { code, asOf: validFrom } });
  const heading = useRef<HTMLHeadingElement>(null);
  const unit: Unit | null | undefined = data?.administrativeUnit;
  useEffect(() => {
    if (unit) heading.current?.focus();
  }, [unit?.code, unit?.validFrom]);
  if (loading && !data) return <Loading label="Đang tải đơn vị…" />;
  if (!unit) return <ErrorMessage error={error} title="Không xem được đơn vị này." />;
  const others = (data?.sameCode ?? []).filter((u) => u.code === unit.code && u.validFrom !== unit.validFrom);
  const ancestors = [unit.parent?.parent, unit.parent].filter((u): u is NonNullable<typeof u> => !!u);
  return (
    <article className="panel" aria-labelledby="don-vi-ten">
      <h2 id="don-vi-ten" tabIndex={-1} ref={heading} style={{ marginTop: 0 }}>
        {unit.fullName}
      </h2>
      {ancestors.length > 0 && (
        <nav aria-label="Thuộc">
          <ol className="chain">
            {ancestors.map((a) => (
              <li key={`${a.code}-${a.validFrom}`}>
                <Link to={unitAddress(a, params)}>{a.fullName}</Link>
              </li>
            ))}
            <li className="current" aria-current="page">
              {unit.fullName}
            </li>
          </ol>
        </nav>
      )}
      <dl className="facts">
        <dt>Mã</dt>
        <dd>{unit.code}</dd>
        <dt>Cấp</dt>
        <dd>
          {UNIT_LEVEL_LABELS[unit.level] ?? unit.level} ({unit.type})
        </dd>
        <dt>Hiệu lực</dt>
        <dd>{periodOf(unit)}</dd>
      </dl>
      <ErrorMessage error={error} />

      <h3>Hình thành từ</h3>
      {unit.predecessors.length ? (
        <SuccessionList links={unit.predecessors} params={params} />
      ) : (
        <p className="muted small">Không có đơn vị tiền thân trong các lần sắp xếp đơn vị hành chính.</p>
      )}

      <h3>Sau sắp xếp năm 2025 trở thành</h3>
      {unit.successors.length ? (
        <SuccessionList links={unit.successors} params={params} />
      ) : (
        <p className="muted small">
          {unit.validTo ? 'Không có đơn vị kế thừa được ghi nhận.' : 'Đơn vị vẫn còn hiệu lực, chưa có đơn vị kế thừa.'}
        </p>
      )}

      {others.length > 0 && (
        <>
          <h3>Mã {unit.code} ở thời kỳ khác</h3>
          <ul>
            {others.map((u) => (
              <li key={u.validFrom}>
                <Link to={unitAddress(u, params)}>{u.fullName}</Link>{' '}
                <span className="muted small">({periodOf(u)})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {unit.children.totalCount > 0 && (
        <details>
          <summary>
            {formatNumber(unit.children.totalCount, 0)} đơn vị trực thuộc ({periodOf(unit)})
          </summary>
          <ul className="history">
            {unit.children.nodes.map((child) => (
              <li key={child.code}>
                <Link to={unitAddress(child, params)}>{child.fullName}</Link>{' '}
                <span className="muted">({child.code})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

/**
 * Đơn vị hành chính qua các thời kỳ: find a unit by name (with or without diacritics) or code, then see its
 * period, where it sits, what it was formed from and what it became across the 2025 reform.
 */
export default function UnitsPage() {
  usePageTitle('Đơn vị hành chính');
  const [params, setParams] = useSearchParams();
  const asked = params.get('q') ?? '';
  const askedLevel = (params.get('cap') ?? '') as UnitLevel | '';
  const [text, setText] = useState(asked);
  const [level, setLevel] = useState<UnitLevel | ''>(askedLevel);
  const code = params.get('ma');
  const validFrom = params.get('tu');
  const found = useQuery(SEARCH_UNITS, {
    variables: { text: asked, level: askedLevel || null },
    skip: !asked.trim(),
  });
  const results = found.data?.searchAdministrativeUnits ?? [];

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (level) next.set('cap', level);
    setParams(next);
  };

  return (
    <section aria-labelledby="trang-don-vi">
      <h1 id="trang-don-vi">Đơn vị hành chính qua các thời kỳ</h1>
      <p className="muted">
        Tìm đơn vị theo tên (có hoặc không dấu) hoặc mã, xem đơn vị trước và sau sắp xếp đơn vị hành chính ngày
        01/07/2025: hình thành từ đâu, trở thành đơn vị nào.
      </p>
      <form className="panel filters" role="search" aria-label="Tìm đơn vị hành chính" onSubmit={search}>
        <div>
          <label htmlFor="tim-don-vi">Tên hoặc mã đơn vị</label>
          <input
            id="tim-don-vi"
            type="search"
            value={text}
            placeholder="ví dụ: dong kinh, 05977"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div style={{ flex: '0 1 10rem' }}>
          <label htmlFor="cap-don-vi">Cấp</label>
          <select id="cap-don-vi" value={level} onChange={(e) => setLevel(e.target.value as UnitLevel | '')}>
            <option value="">Mọi cấp</option>
            {Object.entries(UNIT_LEVEL_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions" style={{ flex: '0 1 auto' }}>
          <button type="submit" className="primary">
            Tìm
          </button>
        </div>
      </form>

      {asked && (
        <section aria-labelledby="ket-qua-tim" aria-busy={found.loading}>
          <h2 id="ket-qua-tim">Kết quả tìm “{asked}”</h2>
          {found.loading && !found.data && <Loading label="Đang tìm…" />}
          <ErrorMessage error={found.error} title="Không tìm được." />
          {found.data && !results.length && <p className="muted">Không có đơn vị nào khớp.</p>}
          {results.length > 0 && (
            <ul className="cards" aria-label="Các đơn vị tìm thấy">
              {results.map((unit) => {
                const current = unit.code === code && unit.validFrom === validFrom;
                return (
                  <li key={`${unit.code}-${unit.validFrom}`}>
                    <Link to={unitAddress(unit, params)} aria-current={current ? 'true' : undefined}>
                      {unit.fullName}
                    </Link>{' '}
                    <span className="muted small">
                      mã {unit.code}
                      {unit.parent ? `, ${unit.parent.fullName}` : ''}; {UNIT_LEVEL_LABELS[unit.level]?.toLowerCase()};{' '}
                      {periodOf(unit)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      {code && validFrom && <UnitDetails code={code} validFrom={validFrom} params={params} />}
    </section>
  );
}
