import type { GraphQLFormattedError } from 'graphql';

/**
 * A file the gateway makes (`/files/...`: Excel, Word, DHIS2): asked with the person's token like every
 * GraphQL request (a link cannot carry it), then saved. A refusal carries the same errors as GraphQL.
 */
export class FileRefused extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
}

/** The file name the server gave (`filename*=UTF-8''…` first: Vietnamese names). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

export async function downloadServerFile(path: string, token: string | null, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: GraphQLFormattedError[] };
    throw new FileRefused(response.status, body.errors ?? []);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
