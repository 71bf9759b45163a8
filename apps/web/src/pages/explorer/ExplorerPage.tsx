import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { useMemo } from 'react';

import { useAuth } from '../../auth/AuthProvider.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';

const DEFAULT_QUERY = `# Trình khám phá GraphQL: truy vấn gửi tới cổng liên thông với quyền của người đang đăng nhập.
# Ctrl+Enter để chạy; tài liệu của lược đồ ở thanh bên trái.
{
  plans(first: 10) {
    nodes { key title level periodStart periodEnd }
  }
}
`;

/**
 * The explorer for the IT teams: GraphiQL bundled with its editor (no CDN, works with no internet), sending
 * each operation to the gateway's /graphql as the signed-in person. Loaded only with this page.
 */
export default function ExplorerPage() {
  usePageTitle('Trình khám phá GraphQL');
  const { accessToken } = useAuth();
  const fetcher = useMemo<GraphiQLProps['fetcher']>(
    () => async (params, options) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...options?.headers,
          ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        },
        body: JSON.stringify(params),
      });
      return (await response.json()) as Record<string, unknown>;
    },
    [accessToken],
  );
  return (
    <section aria-labelledby="explorer-title">
      <h1 id="explorer-title">Trình khám phá GraphQL</h1>
      <p className="small muted">
        Dành cho cán bộ công nghệ thông tin. Mỗi truy vấn chạy với quyền của bạn; máy chủ từ chối những gì vai trò của
        bạn không được xem.
      </p>
      <div className="explorer">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} isHeadersEditorEnabled={false} />
      </div>
    </section>
  );
}
