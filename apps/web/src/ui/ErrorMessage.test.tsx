import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { describeError } from '../graphql/errors.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

describe('errors as people read them', () => {
  it('shows each problem of a refused input with its path and reason, in the server’s Vietnamese', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Tệp kế hoạch có lỗi; không có dữ liệu nào được ghi.',
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'INVALID_DOCUMENT',
            problems: [
              {
                path: 'targets[1].milestones[0].value',
                reason: 'RATE_OUT_OF_RANGE',
                message: 'Tỷ lệ phải từ 0 đến 100.',
              },
            ],
          },
        },
      ],
    });
    render(<ErrorMessage error={error} title="Không nhập được kế hoạch." />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Không nhập được kế hoạch.');
    expect(alert).toHaveTextContent('Tệp kế hoạch có lỗi; không có dữ liệu nào được ghi. [INVALID_DOCUMENT]');
    expect(alert).toHaveTextContent(
      'Tỷ lệ phải từ 0 đến 100. (tại targets[1].milestones[0].value) [RATE_OUT_OF_RANGE]',
    );
  });

  it('reads the gateway’s 401 body (an expired session) and says something for a network failure', () => {
    const body = {
      errors: [
        {
          message: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
          extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
        },
      ],
    };
    const expired = new ServerError('401', {
      response: new Response(JSON.stringify(body), { status: 401 }),
      bodyText: JSON.stringify(body),
    });
    expect(describeError(expired)).toEqual([
      {
        message: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
        reason: 'TOKEN_EXPIRED',
        code: 'UNAUTHENTICATED',
        field: null,
      },
    ]);
    expect(describeError(new TypeError('Failed to fetch'))[0]?.message).toMatch(/Không kết nối được máy chủ/);
  });

  it('shows nothing when there is no error', () => {
    const { container } = render(<ErrorMessage error={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
