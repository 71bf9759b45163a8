/** A loading state screen readers announce, without moving the focus. */
export function Loading({ label = 'Đang tải dữ liệu…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
