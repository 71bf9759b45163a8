import type { ReactNode } from 'react';

import type { ShownProblem } from '../../graphql/errors.ts';

/** The id of the problems shown under a field, for its `aria-describedby`. */
export const problemsId = (fieldId: string) => `${fieldId}-loi`;

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
      {problems.map((problem, i) => (
        <li key={i}>
          {problem.message}
          {problem.reason && <span className="error-reason"> [{problem.reason}]</span>}
        </li>
      ))}
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
        <p className="hint small" id={`${id}-goi-y`}>
          {hint}
        </p>
      )}
      {children}
      <FieldError fieldId={id} problems={problems} />
    </div>
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
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.message}
            {problem.reason && <span className="error-reason"> [{problem.reason}]</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
