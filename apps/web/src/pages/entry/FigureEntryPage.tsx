import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';

import { useIdentity } from '../../auth/AuthProvider.tsx';
import type { Identity } from '../../auth/identity.ts';
import { can } from '../../auth/permissions.ts';
import type { ShownProblem } from '../../graphql/errors.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatIndicatorValue, formatNumber } from '../../ui/format.ts';
import { SECTOR_LABELS } from '../../ui/labels.ts';
import { Loading } from '../../ui/Loading.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { takesAggregateFigure, type FigureSector } from './computed-indicators.ts';
import { parseDecimal, problemsByField } from './field-problems.ts';
import { Field, FormProblems, invalidProps, SubmitButton, TextField } from './Field.tsx';
import {
  RECORD_EDUCATION_FIGURE,
  RECORD_SOCIAL_AFFAIRS_FIGURE,
  SECTOR_INDICATORS,
  UNITS_FOR_FIGURE,
} from './queries.ts';

import './forms.css';

const FIELDS = ['indicatorCode', 'unitCode', 'year', 'numerator', 'denominator', 'source'] as const;
type FieldName = (typeof FIELDS)[number];

/** The sectors whose aggregate figures a person may record: their own (sector officers), both for admins. */
export function figureSectorsOf(identity: Identity): FigureSector[] {
  const sectors: FigureSector[] = [];
  if (can(identity, 'figure:write', 'EDUCATION')) sectors.push('EDUCATION');
  if (can(identity, 'figure:write', 'LDTBXH')) sectors.push('SOCIAL_AFFAIRS');
  return sectors;
}

interface Draft {
  indicatorCode: string;
  unitCode: string;
  otherUnit: string;
  year: string;
  numerator: string;
  denominator: string;
  source: string;
}

const OTHER_UNIT = 'khac';

/**
 * Số liệu tổng hợp: an aggregate figure of an indicator the person's sector reports (not one it computes from
 * its records), for a unit of theirs and a year; every problem next to its field.
 */
export default function FigureEntryPage() {
  usePageTitle('Số liệu tổng hợp');
  const identity = useIdentity();
  const sectors = figureSectorsOf(identity);
  const [sector, setSector] = useState<FigureSector>(sectors[0] ?? 'EDUCATION');
  const thisYear = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format());
  const [draft, setDraft] = useState<Draft>({
    indicatorCode: '',
    unitCode: identity.unitCode ?? OTHER_UNIT,
    otherUnit: '',
    year: String(thisYear),
    numerator: '',
    denominator: '',
    source: '',
  });
  const [local, setLocal] = useState<Map<FieldName, ShownProblem[]>>(new Map());
  const indicators = useQuery(SECTOR_INDICATORS, { variables: { sector } });
  const units = useQuery(UNITS_FOR_FIGURE, {
    variables: { code: identity.unitCode ?? '', asOf: `${draft.year}-12-31` },
    skip: !identity.unitCode || !/^\d{4}$/.test(draft.year),
  });
  const education = useMutation(RECORD_EDUCATION_FIGURE);
  const socialAffairs = useMutation(RECORD_SOCIAL_AFFAIRS_FIGURE);
  const [record, state] = sector === 'EDUCATION' ? education : socialAffairs;
  const [saved, setSaved] = useState<string | null>(null);

  const offered = (indicators.data?.indicators.nodes ?? []).filter((i) => takesAggregateFigure(sector, i.code));
  const indicator = offered.find((i) => i.code === draft.indicatorCode);
  const unit = units.data?.administrativeUnit;
  const unitChoices = unit ? [unit, ...unit.children.nodes] : [];
  const server = problemsByField(state.error, FIELDS);
  const problemsOf = (field: FieldName) => local.get(field) ?? server.byField.get(field);
  const set = (field: keyof Draft, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const unitCode = draft.unitCode === OTHER_UNIT ? draft.otherUnit.trim() : draft.unitCode;
  const id = (field: FieldName) => `so-lieu-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    state.reset();
    setSaved(null);
    const problems = new Map<FieldName, ShownProblem[]>();
    const add = (field: FieldName, message: string) =>
      problems.set(field, [{ message, reason: null, code: null, field }]);
    if (!indicator) add('indicatorCode', 'Vui lòng chọn chỉ số.');
    if (!/^(\d{2}|\d{3}|\d{5})$/.test(unitCode))
      add('unitCode', 'Vui lòng chọn đơn vị hoặc nhập mã 2, 3 hoặc 5 chữ số.');
    if (!/^\d{4}$/.test(draft.year)) add('year', 'Năm gồm 4 chữ số, ví dụ 2025.');
    const numerator = parseDecimal(draft.numerator);
    const denominator = draft.denominator.trim() ? parseDecimal(draft.denominator) : null;
    if (numerator === null) add('numerator', 'Vui lòng nhập một số, ví dụ 1234 hoặc 12,5.');
    if (indicator?.kind === 'RATIO' && denominator === null)
      add('denominator', 'Chỉ số tỷ lệ cần mẫu số: vui lòng nhập một số lớn hơn 0.');
    if (!draft.source.trim()) add('source', 'Vui lòng ghi nguồn số liệu, ví dụ số hiệu báo cáo.');
    setLocal(problems);
    if (problems.size || numerator === null || !indicator) {
      document.getElementById(id(FIELDS.find((f) => problems.has(f)) ?? 'indicatorCode'))?.focus();
      return;
    }
    const result = await record({
      variables: {
        input: {
          indicatorCode: indicator.code,
          unitCode,
          year: Number(draft.year),
          numerator,
          denominator: indicator.kind === 'RATIO' ? denominator : null,
          source: draft.source.trim(),
        },
      },
    }).catch(() => null);
    const data = result?.data;
    const figure =
      data && 'recordEducationIndicatorValue' in data
        ? data.recordEducationIndicatorValue
        : data && 'recordSocialAffairsIndicatorValue' in data
          ? data.recordSocialAffairsIndicatorValue
          : null;
    if (figure) {
      const unitName = unitChoices.find((u) => u.code === figure.unitCode)?.fullName ?? `đơn vị ${figure.unitCode}`;
      const value =
        figure.denominator !== null && figure.denominator !== undefined
          ? `${formatNumber(figure.numerator)} / ${formatNumber(figure.denominator)} = ${formatIndicatorValue(
              (figure.numerator / figure.denominator) * indicator.factor,
              indicator.factor,
            )}`
          : formatNumber(figure.numerator);
      setSaved(
        `Đã ghi số liệu “${indicator.name}” của ${unitName} năm ${figure.year}: ${value} (nguồn: ${figure.source}).`,
      );
      setDraft((d) => ({ ...d, numerator: '', denominator: '' }));
    }
  };

  return (
    <section aria-labelledby="trang-so-lieu">
      <h1 id="trang-so-lieu">Số liệu tổng hợp</h1>
      <p className="muted">
        Ghi số liệu tổng hợp của một chỉ số do ngành báo cáo (các chỉ số tính từ dữ liệu gốc của ngành không nhập ở
        đây). Ghi lại cùng chỉ số, đơn vị, năm và nguồn là đính chính (phiên bản mới).
      </p>
      {saved && (
        <p className="panel result" role="status">
          {saved}
        </p>
      )}
      <form className="panel" noValidate onSubmit={(e) => void submit(e)} aria-label="Phiếu số liệu tổng hợp">
        <FormProblems title="Chưa ghi được số liệu." server={server.general} localCount={local.size} />
        <div className="form-grid">
          {sectors.length > 1 && (
            <div className="field">
              <label htmlFor="so-lieu-nganh">Ngành</label>
              <select
                id="so-lieu-nganh"
                value={sector}
                onChange={(e) => {
                  setSector(e.target.value as FigureSector);
                  set('indicatorCode', '');
                }}
              >
                {sectors.map((s) => (
                  <option key={s} value={s}>
                    {SECTOR_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <Field id={id('indicatorCode')} label="Chỉ số" problems={problemsOf('indicatorCode')}>
            <select
              id={id('indicatorCode')}
              value={draft.indicatorCode}
              onChange={(e) => set('indicatorCode', e.target.value)}
              {...invalidProps(id('indicatorCode'), problemsOf('indicatorCode'))}
            >
              <option value="">{indicators.loading ? 'Đang tải các chỉ số…' : '— Chọn chỉ số —'}</option>
              {offered.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          </Field>
          {unitChoices.length > 0 ? (
            <Field id={id('unitCode')} label="Đơn vị" problems={problemsOf('unitCode')}>
              <select
                id={id('unitCode')}
                value={draft.unitCode}
                onChange={(e) => set('unitCode', e.target.value)}
                {...invalidProps(id('unitCode'), problemsOf('unitCode'))}
              >
                {unitChoices.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.fullName} ({u.code})
                  </option>
                ))}
                <option value={OTHER_UNIT}>Đơn vị khác (nhập mã)…</option>
              </select>
            </Field>
          ) : (
            <TextField
              id={id('unitCode')}
              label="Đơn vị"
              problems={problemsOf('unitCode')}
              inputMode="numeric"
              value={draft.otherUnit}
              onChange={(value) => setDraft((d) => ({ ...d, unitCode: OTHER_UNIT, otherUnit: value }))}
            />
          )}
          {unitChoices.length > 0 && draft.unitCode === OTHER_UNIT && (
            <div className="field">
              <label htmlFor="so-lieu-ma-khac">Mã đơn vị (2, 3 hoặc 5 chữ số)</label>
              <input
                id="so-lieu-ma-khac"
                inputMode="numeric"
                autoComplete="off"
                value={draft.otherUnit}
                onChange={(e) => set('otherUnit', e.target.value)}
              />
            </div>
          )}
          <TextField
            id={id('year')}
            label="Năm"
            problems={problemsOf('year')}
            inputMode="numeric"
            value={draft.year}
            onChange={(value) => set('year', value.trim())}
          />
          <TextField
            id={id('numerator')}
            label={
              indicator?.kind === 'RATIO'
                ? 'Tử số'
                : indicator?.kind === 'BOOLEAN'
                  ? 'Giá trị (1: có, 0: không)'
                  : 'Giá trị'
            }
            hint={indicator?.kind === 'RATIO' ? indicator.numerator : undefined}
            problems={problemsOf('numerator')}
            inputMode="decimal"
            value={draft.numerator}
            onChange={(value) => set('numerator', value)}
          />
          {indicator?.kind === 'RATIO' && (
            <TextField
              id={id('denominator')}
              label="Mẫu số"
              hint={indicator.denominator}
              problems={problemsOf('denominator')}
              inputMode="decimal"
              value={draft.denominator}
              onChange={(value) => set('denominator', value)}
            />
          )}
          <TextField
            id={id('source')}
            label="Nguồn số liệu"
            hint="Ví dụ: Báo cáo số 12/BC-SGDĐT ngày 05/12/2025"
            problems={problemsOf('source')}
            value={draft.source}
            onChange={(value) => set('source', value)}
          />
        </div>
        {indicators.loading && !indicators.data && <Loading label="Đang tải các chỉ số…" />}
        <ErrorMessage error={indicators.error} title="Không tải được các chỉ số." />
        <SubmitButton busy={state.loading} label="Ghi số liệu" busyLabel="Đang ghi…" />
      </form>
    </section>
  );
}
