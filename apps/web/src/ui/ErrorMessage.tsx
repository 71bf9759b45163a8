import { describeError } from '../graphql/errors.ts';

/**
 * An error from the server as people read it: each problem's Vietnamese message, with the field or the
 * path in the document when there is one, and the stable reason for the IT team.
 */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const problems = describeError(error);
  if (!problems.length) return null;
  return (
    <div className="error" role="alert">
      {title && <p className="error-title">{title}</p>}
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.message}
            {problem.field && (
              <>
                {' '}
                <span className="error-field">(tại {problem.field})</span>
              </>
            )}
            {problem.reason && <span className="error-reason"> [{problem.reason}]</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
