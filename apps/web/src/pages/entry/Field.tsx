import type { HTMLAttributes, ReactNode } from 'react';

import type { ShownProblem } from '../../graphql/errors.ts';

/** The id of the problems shown under a field, for its `aria-describedby`. */
export const problemsId = (fieldId: string) => `${fieldId}-loi`;
/** The id of a field's hint, for its `aria-describedby`. */
const hintId = (fieldId: string) => `${fieldId}-goi-y`;

/** Each problem's message, with its reason for the IT team after it. */
function ProblemItems({ problems }: { problems: readonly ShownProblem[] }) {
  return problems.map((problem, i) => (
    <li key={i}>
      {problem.message}
      {problem.reason && <span className="error-reason"> [{problem.reason}]</span>}
    </li>
  ));
}

/**
 * The props that tie an input to its problems: `aria-invalid` when it has some, and `aria-describedby`
 * naming them (and its hint), so a screen reader reads them with the field.
 */
export function invalidProps(fieldId: string, problems: readonly ShownProblem[] | undefined, hintId?: string) {
  const describedBy = [hintId, problems?.length ? problemsId(fieldId) : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': problems?.length ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** The problems of one field, in Vietnamese, right under it (the reason for the IT team after). */
export function FieldError({ fieldId, problems }: { fieldId: string; problems: readonly ShownProblem[] | undefined }) {
  if (!problems?.length) return null;
  return (
    <ul className="field-error" id={problemsId(fieldId)}>
      <ProblemItems problems={problems} />
    </ul>
  );
}

/** A labelled field with its hint and problems: the label above, the input, the problems under it. */
export function Field({
  id,
  label,
  hint,
  problems,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problems: readonly ShownProblem[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className={problems?.length ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint small" id={hintId(id)}>
          {hint}
        </p>
      )}
      {children}
      <FieldError fieldId={id} problems={problems} />
    </div>
  );
}

/** A labelled text input with its hint and problems, which it is described by. */
export function TextField({
  id,
  label,
  hint,
  problems,
  value,
  onChange,
  inputMode,
  placeholder,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problems: readonly ShownProblem[] | undefined;
  value: string;
  onChange: (value: string) => void;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} problems={problems}>
      <input
        id={id}
        inputMode={inputMode}
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...invalidProps(id, problems, hint ? hintId(id) : undefined)}
      />
    </Field>
  );
}

/**
 * One choice among a few, as radio buttons under a legend: the first button carries the field's id (the
 * focus of a problem), and the group is described by its problems.
 */
export function ChoiceField<T extends string>({
  id,
  name,
  legend,
  choices,
  labels,
  value,
  onChange,
  problems,
}: {
  id: string;
  name: string;
  legend: string;
  choices: readonly T[];
  labels: Partial<Record<T, string>>;
  value: string;
  onChange: (value: T) => void;
  problems: readonly ShownProblem[] | undefined;
}) {
  return (
    <fieldset className="choice" aria-describedby={problems ? problemsId(id) : undefined}>
      <legend>{legend}</legend>
      {choices.map((choice, i) => (
        <label key={choice}>
          <input
            type="radio"
            name={name}
            id={i === 0 ? id : undefined}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
            aria-invalid={problems ? true : undefined}
          />
          {labels[choice]}
        </label>
      ))}
      <FieldError fieldId={id} problems={problems} />
    </fieldset>
  );
}

/**
 * What the server said that no field of the form shows (the refusal itself, "Số đo có 2 lỗi…", or a refusal of
 * the whole request), announced at once; the problems of each field are under that field.
 */
export function ProblemSummary({ title, problems }: { title: string; problems: readonly ShownProblem[] }) {
  if (!problems.length) return null;
  return (
    <div className="error" role="alert">
      <p className="error-title">{title}</p>
      <ul>
        <ProblemItems problems={problems} />
      </ul>
    </div>
  );
}

/**
 * What a form's problems are, above it: the server's that no field shows, and how many fields the form's own
 * checks found wrong (each said under its field).
 */
export function FormProblems({
  title,
  server,
  localCount,
}: {
  title: string;
  server: readonly ShownProblem[];
  localCount: number;
}) {
  return (
    <>
      <ProblemSummary title={title} problems={server} />
      {localCount > 0 && (
        <p className="error" role="alert">
          Phiếu còn {localCount} mục cần sửa, ghi ngay dưới từng ô.
        </p>
      )}
    </>
  );
}

/** The form's submit button, saying so while it saves. */
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <div className="actions" style={{ marginTop: '0.75rem' }}>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
