import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { useIdentity } from '../../auth/AuthProvider.tsx';
import { can } from '../../auth/permissions.ts';
import type { RecordGrowthMeasurementMutation } from '../../generated/graphql.ts';
import type { ShownProblem } from '../../graphql/errors.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { formatDay, formatNumber, formatRate } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { parseDay, parseDecimal, problemsByField } from './field-problems.ts';
import { ChoiceField, Field, FieldError, FormProblems, invalidProps, SubmitButton, TextField } from './Field.tsx';
import { DEFICIT_LABELS, POSITION_LABELS, SEX_LABELS } from './labels.ts';
import { COMMUNE_GROWTH_STATUS, COMMUNES_OF_UNIT, RECORD_GROWTH_MEASUREMENT } from './queries.ts';

import './forms.css';

type Measurement = RecordGrowthMeasurementMutation['recordGrowthMeasurement'];

/** The fields of the form, as the input names them (the server's problems come back with these names). */
const FIELDS = [
  'sex',
  'birthDate',
  'measuredOn',
  'weightKg',
  'lengthHeightCm',
  'measured',
  'oedema',
  'communeCode',
] as const;
type FieldName = (typeof FIELDS)[number];

/** Today in Vietnam, as a date input takes it. */
export const todayInVietnam = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);

interface Draft {
  sex: string;
  birthDate: string;
  measuredOn: string;
  weightKg: string;
  lengthHeightCm: string;
  measured: string;
  oedema: boolean;
  communeCode: string;
}

/** What the form can tell before asking the server: an empty field, a number that is not one. */
export function draftProblems(draft: Draft): Map<FieldName, ShownProblem[]> {
  const problems = new Map<FieldName, ShownProblem[]>();
  const add = (field: FieldName, message: string) =>
    problems.set(field, [{ message, reason: null, code: null, field }]);
  if (!draft.sex) add('sex', 'Vui lòng chọn giới tính của trẻ.');
  if (!draft.birthDate.trim()) add('birthDate', 'Vui lòng nhập ngày sinh của trẻ.');
  else if (!parseDay(draft.birthDate)) add('birthDate', 'Ngày sinh ghi theo ngày/tháng/năm, ví dụ 01/03/2024.');
  if (!draft.measuredOn.trim()) add('measuredOn', 'Vui lòng nhập ngày cân đo.');
  else if (!parseDay(draft.measuredOn)) add('measuredOn', 'Ngày cân đo ghi theo ngày/tháng/năm, ví dụ 15/09/2025.');
  if (!draft.weightKg.trim()) add('weightKg', 'Vui lòng nhập cân nặng.');
  else if (parseDecimal(draft.weightKg) === null) add('weightKg', 'Cân nặng phải là một số, ví dụ 9,1.');
  if (!draft.lengthHeightCm.trim()) add('lengthHeightCm', 'Vui lòng nhập chiều dài hoặc chiều cao.');
  else if (parseDecimal(draft.lengthHeightCm) === null)
    add('lengthHeightCm', 'Chiều dài/chiều cao phải là một số, ví dụ 76,5.');
  if (!draft.measured) add('measured', 'Vui lòng chọn cách đo (nằm hay đứng).');
  if (!/^\d{5}$/.test(draft.communeCode.trim())) add('communeCode', 'Vui lòng chọn hoặc nhập mã xã/phường (5 chữ số).');
  return problems;
}

const z = (value: number | null) => (value === null ? 'Không tính được' : formatNumber(value, 2));

/** A status of growth in words; null: the z-score is missing or implausible (WHO flags), so it is not assessed. */
function deficit(kind: 'stunting' | 'underweight' | 'wasting', status: string | null) {
  if (status === null) return <span className="badge badge-none">Không đánh giá (chỉ số ngoài giới hạn hợp lý)</span>;
  const tone = status === 'NONE' ? 'badge-reached' : status === 'MODERATE' ? 'badge-at-risk' : 'badge-behind';
  return <span className={`badge ${tone}`}>{DEFICIT_LABELS[kind][status] ?? status}</span>;
}

/** The measurement as recorded: its z-scores and statuses, shown as soon as it is saved. */
function Result({ measurement }: { measurement: Measurement }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [measurement.id]);
  return (
    <section className="panel result" aria-labelledby="ket-qua">
      <h2 id="ket-qua" tabIndex={-1} ref={heading}>
        Đã lưu số đo — kết quả theo chuẩn WHO
      </h2>
      <p className="small">
        {SEX_LABELS[measurement.sex]}, sinh {formatDay(measurement.birthDate)}, cân đo{' '}
        {formatDay(measurement.measuredOn)} tại {measurement.commune.fullName}: {formatNumber(measurement.weightKg, 3)}{' '}
        kg, {formatNumber(measurement.lengthHeightCm, 2)} cm ({POSITION_LABELS[measurement.measured]?.toLowerCase()})
        {measurement.oedema && ', có phù hai chân'}.
      </p>
      <dl className="facts" aria-label="Chỉ số Z và tình trạng dinh dưỡng">
        <dt>Cân nặng theo tuổi (WAZ)</dt>
        <dd>
          <span data-testid="waz">{z(measurement.weightForAgeZ)}</span> —{' '}
          {deficit('underweight', measurement.underweight)}
        </dd>
        <dt>Chiều dài/chiều cao theo tuổi (HAZ)</dt>
        <dd>
          <span data-testid="haz">{z(measurement.lengthHeightForAgeZ)}</span> —{' '}
          {deficit('stunting', measurement.stunting)}
        </dd>
        <dt>Cân nặng theo chiều dài/chiều cao (WHZ)</dt>
        <dd>
          <span data-testid="whz">{z(measurement.weightForLengthHeightZ)}</span> —{' '}
          {deficit('wasting', measurement.wasting)}
        </dd>
      </dl>
    </section>
  );
}

/** The figure the measurement feeds: the commune's children under 5 by growth status (all measurements, each child once). */
function CommuneFigure({ code, asOf }: { code: string; asOf: string }) {
  const { data, loading, error } = useQuery(COMMUNE_GROWTH_STATUS, { variables: { code, asOf } });
  const unit = data?.administrativeUnit;
  const status = unit?.growthStatus;
  const share = (count: { numerator: number; denominator: number }) =>
    `${formatNumber(count.numerator, 0)} / ${formatNumber(count.denominator, 0)} trẻ (${formatRate(
      count.denominator ? count.numerator / count.denominator : null,
    )})`;
  return (
    <section className="panel figure" aria-labelledby="so-lieu-xa" aria-busy={loading}>
      <h2 id="so-lieu-xa">Tình trạng dinh dưỡng trẻ dưới 5 tuổi{unit ? ` — ${unit.fullName}` : ''}</h2>
      <p className="small muted">
        Mọi lần cân đo tại xã/phường, mỗi trẻ tính một lần theo lần đo gần nhất; số liệu cập nhật ngay khi lưu số đo.
      </p>
      {loading && !data && <Loading label="Đang tải số liệu của xã…" />}
      <ErrorMessage error={error} title="Không tải được số liệu của xã." />
      {status && (
        <ul className="stats" aria-live="polite">
          <li>
            Trẻ đã cân đo
            <span className="value" data-testid="measured-count">
              {formatNumber(status.measuredCount, 0)}
            </span>
          </li>
          <li>
            Thấp còi
            <span className="value" data-testid="stunting">
              {share(status.stunting)}
            </span>
          </li>
          <li>
            Nhẹ cân
            <span className="value">{share(status.underweight)}</span>
          </li>
          <li>
            Gầy còm
            <span className="value">{share(status.wasting)}</span>
          </li>
        </ul>
      )}
    </section>
  );
}

const emptyDraft = (communeCode: string): Draft => ({
  sex: '',
  birthDate: '',
  measuredOn: formatDay(todayInVietnam()),
  weightKg: '',
  lengthHeightCm: '',
  measured: '',
  oedema: false,
  communeCode,
});

/**
 * Cân đo trẻ em: a growth measurement of a child under 5, entered by the commune's health station (or the
 * province's health officers); its WHO z-scores and statuses shown as soon as it is saved, each problem next
 * to its field; and, for whom may read aggregates, the commune's figure it changes.
 */
export default function GrowthEntryPage() {
  usePageTitle('Cân đo trẻ em');
  const identity = useIdentity();
  const home = identity.unitCode;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(home && home.length === 5 ? home : ''));
  const [local, setLocal] = useState<Map<FieldName, ShownProblem[]>>(new Map());
  const [saved, setSaved] = useState<Measurement | null>(null);
  const [record, { loading: saving, error, reset }] = useMutation(RECORD_GROWTH_MEASUREMENT, {
    refetchQueries: ['CommuneGrowthStatus'],
    awaitRefetchQueries: true,
  });
  // The day of the measurement as the API takes it; today's lists until a whole day is typed.
  const measuredOn = parseDay(draft.measuredOn) ?? todayInVietnam();
  const communes = useQuery(COMMUNES_OF_UNIT, {
    variables: { code: home ?? '', asOf: measuredOn },
    skip: !home,
  });
  const communeList = communes.data?.administrativeUnit?.communes.nodes ?? [];
  const server = problemsByField(error, FIELDS);
  const problemsOf = (field: FieldName) => local.get(field) ?? server.byField.get(field);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const seesFigures = can(identity, 'aggregate');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    setSaved(null);
    const problems = draftProblems(draft);
    setLocal(problems);
    if (problems.size) {
      const first = FIELDS.find((f) => problems.has(f));
      document.getElementById(`can-do-${first}`)?.focus();
      return;
    }
    const result = await record({
      variables: {
        input: {
          sex: draft.sex as 'MALE' | 'FEMALE',
          birthDate: parseDay(draft.birthDate) ?? '',
          measuredOn,
          weightKg: parseDecimal(draft.weightKg) ?? 0,
          lengthHeightCm: parseDecimal(draft.lengthHeightCm) ?? 0,
          measured: draft.measured as 'LYING' | 'STANDING',
          oedema: draft.oedema,
          communeCode: draft.communeCode.trim(),
        },
      },
    }).catch(() => null);
    const measurement = result?.data?.recordGrowthMeasurement;
    if (measurement) {
      setSaved(measurement);
      // The next child of the same session: the day, the commune and the way of measuring stay.
      setDraft((d) => ({ ...emptyDraft(d.communeCode), measuredOn: d.measuredOn }));
    }
  };

  const id = (field: FieldName) => `can-do-${field}`;
  // A commune's staff measure in their commune (its code filled in); a province's or district's choose among theirs.
  const communeChoices = home !== null && home.length !== 5;
  return (
    <section aria-labelledby="trang-can-do">
      <h1 id="trang-can-do">Cân đo trẻ em</h1>
      <p className="muted">
        Ghi kết quả cân đo một trẻ dưới 5 tuổi. Chỉ số Z và tình trạng dinh dưỡng theo chuẩn tăng trưởng của WHO hiện
        ngay khi lưu. Số thập phân ghi bằng dấu phẩy (ví dụ 9,1).
      </p>
      {saved && <Result measurement={saved} />}
      <form className="panel" noValidate onSubmit={(e) => void submit(e)} aria-label="Phiếu cân đo trẻ em">
        <FormProblems title="Chưa lưu được số đo." server={server.general} localCount={local.size} />
        <div className="form-grid">
          <ChoiceField
            id={id('sex')}
            name="sex"
            legend="Giới tính"
            choices={['MALE', 'FEMALE'] as const}
            labels={SEX_LABELS}
            value={draft.sex}
            onChange={(sex) => set('sex', sex)}
            problems={problemsOf('sex')}
          />
          <TextField
            id={id('birthDate')}
            label="Ngày sinh"
            hint="Ngày/tháng/năm, ví dụ 01/03/2024"
            problems={problemsOf('birthDate')}
            inputMode="numeric"
            placeholder="ngày/tháng/năm"
            value={draft.birthDate}
            onChange={(value) => set('birthDate', value)}
          />
          <TextField
            id={id('measuredOn')}
            label="Ngày cân đo"
            hint="Ngày/tháng/năm; trẻ phải dưới 60 tháng tuổi vào ngày này"
            problems={problemsOf('measuredOn')}
            inputMode="numeric"
            placeholder="ngày/tháng/năm"
            value={draft.measuredOn}
            onChange={(value) => set('measuredOn', value)}
          />
          <TextField
            id={id('weightKg')}
            label="Cân nặng (kg)"
            hint="Tối đa 3 chữ số thập phân, ví dụ 9,125"
            problems={problemsOf('weightKg')}
            inputMode="decimal"
            value={draft.weightKg}
            onChange={(value) => set('weightKg', value)}
          />
          <TextField
            id={id('lengthHeightCm')}
            label="Chiều dài/chiều cao (cm)"
            hint="Tối đa 2 chữ số thập phân, ví dụ 76,5"
            problems={problemsOf('lengthHeightCm')}
            inputMode="decimal"
            value={draft.lengthHeightCm}
            onChange={(value) => set('lengthHeightCm', value)}
          />
          <ChoiceField
            id={id('measured')}
            name="measured"
            legend="Cách đo"
            choices={['LYING', 'STANDING'] as const}
            labels={POSITION_LABELS}
            value={draft.measured}
            onChange={(position) => set('measured', position)}
            problems={problemsOf('measured')}
          />
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={draft.oedema}
                onChange={(e) => set('oedema', e.target.checked)}
                id={id('oedema')}
              />
              Phù hai chân (phù dạng ấn lõm)
            </label>
            <FieldError fieldId={id('oedema')} problems={problemsOf('oedema')} />
          </div>
          {communeChoices ? (
            <Field id={id('communeCode')} label="Xã/phường nơi cân đo" problems={problemsOf('communeCode')}>
              <select
                id={id('communeCode')}
                value={draft.communeCode}
                onChange={(e) => set('communeCode', e.target.value)}
                {...invalidProps(id('communeCode'), problemsOf('communeCode'))}
              >
                <option value="">{communes.loading ? 'Đang tải các xã/phường…' : '— Chọn xã/phường —'}</option>
                {communeList.map((commune) => (
                  <option key={commune.code} value={commune.code}>
                    {commune.fullName} ({commune.code})
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <TextField
              id={id('communeCode')}
              label="Xã/phường nơi cân đo"
              hint="Mã 5 chữ số, theo danh mục còn hiệu lực vào ngày cân đo"
              problems={problemsOf('communeCode')}
              inputMode="numeric"
              value={draft.communeCode}
              onChange={(value) => set('communeCode', value)}
            />
          )}
        </div>
        <ErrorMessage error={communes.error} title="Không tải được danh sách xã/phường." />
        <SubmitButton busy={saving} label="Lưu số đo" busyLabel="Đang lưu…" />
      </form>
      {seesFigures && /^\d{5}$/.test(draft.communeCode.trim()) && (
        <CommuneFigure code={draft.communeCode.trim()} asOf={measuredOn} />
      )}
    </section>
  );
}
