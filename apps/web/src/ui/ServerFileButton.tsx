import { useState } from 'react';

import { useAuth } from '../auth/AuthProvider.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { downloadServerFile } from './server-files.ts';

/** A button that downloads a file the gateway makes, and says in Vietnamese why when it is refused. */
export function ServerFileButton({ path, label, fallbackName }: { path: string; label: string; fallbackName: string }) {
  const { accessToken } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadServerFile(path, accessToken, fallbackName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? 'Đang tạo tệp…' : label}
      </button>
      {error !== null && <ErrorMessage error={error} title="Không tải được tệp." />}
    </>
  );
}
