import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { PEOPLE, renderPage } from '../../test-helpers.tsx';
import { ACCEPT_REFERRAL, DECLINE_REFERRAL, RECORD_REFERRAL_OUTCOME, REFERRAL_INBOX } from './queries.ts';
import ReferralInboxPage, { answersReferral, nextSteps } from './ReferralInboxPage.tsx';

const referral = (id: string, toSector: string, toService: string, status: string) => ({
  __typename: 'Referral',
  id,
  status,
  sentOn: '2025-09-02',
  sentBy: 'station.dongkinh',
  fromSector: 'HEALTH',
  fromService: 'Trạm y tế xã: khám sàng lọc',
  toSector,
  toService,
  reason: 'Nghi trẻ bị bỏ mặc',
  unit: { __typename: 'AdministrativeUnit', code: '05977', validFrom: '2025-07-01', fullName: 'Phường Đông Kinh' },
  events: [
    {
      __typename: 'ReferralEvent',
      status: 'SENT',
      at: '2025-09-02T02:00:00.000Z',
      by: 'station.dongkinh',
      reason: null,
    },
  ],
});

const protection = referral('r1', 'SOCIAL_AFFAIRS', 'Bảo vệ trẻ em cấp xã', 'SENT');
const rehabilitation = referral('r2', 'HEALTH', 'Phục hồi chức năng', 'SENT');

const inbox: MockLink.MockedResponse = {
  request: { query: REFERRAL_INBOX, variables: { code: '20', status: 'SENT' } },
  result: {
    data: {
      administrativeUnit: {
        __typename: 'AdministrativeUnit',
        code: '20',
        validFrom: '2025-07-01',
        fullName: 'Tỉnh Lạng Sơn',
        referrals: {
          __typename: 'ReferralConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [protection, rehabilitation],
        },
      },
    },
  },
};

const stepped = (status: string, reason: string | null) => ({
  ...protection,
  status,
  events: [
    ...protection.events,
    { __typename: 'ReferralEvent', status, at: '2025-09-03T03:00:00.000Z', by: 'caseworker.langson', reason },
  ],
});

/** The inbox of LĐTBXH's case worker, then the answers to what they do in it. */
const renderInbox = (...answers: MockLink.MockedResponse[]) =>
  renderPage(<ReferralInboxPage />, { identity: PEOPLE.caseworker, path: '/chuyen-tuyen', mocks: [inbox, ...answers] });

describe('the referral inbox', () => {
  it('offers the answers only on referrals addressed to the person’s sector, and accepts then closes one', async () => {
    const user = userEvent.setup();
    renderInbox(
      {
        request: { query: ACCEPT_REFERRAL, variables: { id: 'r1' } },
        result: { data: { acceptReferral: stepped('ACCEPTED', null) } },
      },
      {
        request: { query: RECORD_REFERRAL_OUTCOME, variables: { id: 'r1', delivered: true } },
        result: { data: { recordReferralOutcome: { ...stepped('DELIVERED', null) } } },
      },
    );
    const list = await screen.findByRole('list', { name: 'Các yêu cầu chuyển tuyến' });
    // LĐTBXH's case worker sees only what is addressed to LĐTBXH unless asked for everything.
    expect(within(list).getAllByRole('heading', { level: 3 })).toHaveLength(1);
    await user.click(screen.getByLabelText(/Chỉ yêu cầu gửi đến ngành LĐTBXH/));
    expect(within(list).getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /Tiếp nhận: Phục hồi chức năng/ })).toBeNull();
    const card = within(list).getByRole('listitem', { name: /Bảo vệ trẻ em cấp xã/ });
    expect(card).toHaveTextContent('02/09/2025');
    expect(card).toHaveTextContent('Đã chuyển, chờ tiếp nhận');

    await user.click(within(card).getByRole('button', { name: /^Tiếp nhận:/ }));
    await within(card).findByText('Đã tiếp nhận chuyển tuyến.');
    expect(card).toHaveTextContent('Đã tiếp nhận');
    await user.click(within(card).getByRole('button', { name: /^Đã cung cấp dịch vụ:/ }));
    await within(card).findByText('Đã ghi: đã cung cấp dịch vụ.');
    expect(within(card).queryByRole('button', { name: /Không cung cấp được/ })).toBeNull();
  });

  it('declines only with a reason, said next to the field', async () => {
    const user = userEvent.setup();
    renderInbox({
      request: { query: DECLINE_REFERRAL, variables: { id: 'r1', reason: 'Không thuộc địa bàn' } },
      result: { data: { declineReferral: stepped('DECLINED', 'Không thuộc địa bàn') } },
    });
    const card = await screen.findByRole('listitem', { name: /Bảo vệ trẻ em cấp xã/ });
    await user.click(within(card).getByRole('button', { name: /^Từ chối:/ }));
    await user.click(within(card).getByRole('button', { name: 'Từ chối chuyển tuyến' }));
    const reason = within(card).getByLabelText('Lý do từ chối');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(card).toHaveTextContent('Vui lòng ghi lý do.');
    await user.type(reason, 'Không thuộc địa bàn');
    await user.click(within(card).getByRole('button', { name: 'Từ chối chuyển tuyến' }));
    await within(card).findByText('Đã từ chối chuyển tuyến.');
    expect(card).toHaveTextContent('Bị từ chối');
    await user.click(within(card).getByText(/Các bước xử lý/));
    expect(card).toHaveTextContent('lý do: Không thuộc địa bàn');
  });

  it('knows who answers what', () => {
    expect(answersReferral({ ...PEOPLE.station, roles: ['facility-staff'] }, { toSector: 'HEALTH' })).toBe(true);
    expect(answersReferral({ ...PEOPLE.station, roles: ['facility-staff'] }, { toSector: 'SOCIAL_AFFAIRS' })).toBe(
      false,
    );
    expect(answersReferral({ ...PEOPLE.station, roles: ['admin'], sector: null }, { toSector: 'CULTURE' })).toBe(true);
    expect([nextSteps('SENT'), nextSteps('ACCEPTED'), nextSteps('DELIVERED')]).toEqual(['answer', 'outcome', null]);
  });
});
