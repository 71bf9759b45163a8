import { describe, expect, it } from 'vitest';

import { fromIsoDate, locateUnitOn as locateRecord } from '@ecd/service-kit';

import {
  ageInYears,
  checkParentingSession,
  checkPilotModel,
  checkProtectionCase,
  checkReason,
  checkReferralNetwork,
  checkSendReferral,
  checkSocialSupport,
  checkSpecialCircumstance,
} from './record-validation.js';

const d = fromIsoDate;
const TODAY = d('2026-12-01');
const reasons = (result: { problems: { field: string; reason: string }[] }) =>
  result.problems.map((p) => `${p.field}:${p.reason}`).sort();

describe('locateRecord', () => {
  it('locates a 2024 commune with its district and province, and a post-reform commune without district', () => {
    expect(locateRecord('c', '05977', d('2024-05-01'), ['commune'])).toMatchObject({
      unitLevel: 'commune',
      communeCode: '05977',
      districtCode: '178',
      provinceCode: '20',
      provinceValidFrom: d('2019-01-01'),
    });
    expect(locateRecord('c', '05977', d('2025-08-01'), ['commune'])).toMatchObject({
      communeCode: '05977',
      districtCode: null,
      provinceCode: '20',
      provinceValidFrom: d('2025-07-01'),
    });
  });

  it('tells an unknown code from a unit not valid on the date, and refuses a level not allowed', () => {
    expect(locateRecord('c', '99999', d('2024-05-01'), ['commune'])).toMatchObject({ reason: 'UNKNOWN_UNIT_CODE' });
    expect(locateRecord('c', '25783', d('2025-08-01'), ['commune'])).toMatchObject({
      reason: 'UNIT_NOT_VALID_ON_DATE',
    });
    expect(locateRecord('u', '720', d('2025-08-01'), ['district'])).toMatchObject({ reason: 'UNIT_NOT_VALID_ON_DATE' });
    expect(locateRecord('u', '20', d('2024-05-01'), ['commune', 'district'])).toMatchObject({
      reason: 'UNIT_LEVEL_NOT_ALLOWED',
    });
  });
});

describe('ageInYears', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageInYears(d('2016-03-10'), d('2025-03-09'))).toBe(8);
    expect(ageInYears(d('2016-03-10'), d('2025-03-10'))).toBe(9);
    expect(ageInYears(d('2024-02-29'), d('2025-02-28'))).toBe(0);
  });
});

describe('children in special circumstances', () => {
  const valid = {
    personalId: '020123456789',
    birthDate: d('2020-01-15'),
    sex: 'FEMALE',
    category: 'ORPHANED',
    identifiedOn: d('2025-09-01'),
    communeCode: '05977',
  };

  it('accepts a valid child and locates the commune on the day of identification', () => {
    const result = checkSpecialCircumstance(valid, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.value?.location).toMatchObject({ communeCode: '05977', provinceValidFrom: d('2025-07-01') });
  });

  it('lists every problem at once, in Vietnamese', () => {
    const result = checkSpecialCircumstance(
      {
        ...valid,
        personalId: '12345',
        birthDate: d('2027-01-01'),
        identifiedOn: d('2026-12-02'),
        communeCode: '99999',
      },
      TODAY,
    );
    expect(reasons(result)).toEqual([
      'birthDate:DATE_IN_FUTURE',
      'communeCode:UNKNOWN_UNIT_CODE',
      'identifiedOn:BEFORE_BIRTH',
      'identifiedOn:DATE_IN_FUTURE',
      'personalId:INVALID_PERSONAL_ID',
    ]);
    expect(result.value).toBeNull();
    expect(result.problems.find((p) => p.field === 'personalId')?.message).toBe(
      'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    );
  });

  it('refuses identification before birth, and a child aged 9 or more', () => {
    expect(reasons(checkSpecialCircumstance({ ...valid, identifiedOn: d('2019-06-01') }, TODAY))).toEqual([
      'identifiedOn:BEFORE_BIRTH',
    ]);
    expect(reasons(checkSpecialCircumstance({ ...valid, birthDate: d('2016-09-01') }, TODAY))).toEqual([
      'birthDate:CHILD_OLDER_THAN_8',
    ]);
    expect(reasons(checkSpecialCircumstance({ ...valid, birthDate: d('2016-09-02') }, TODAY))).toEqual([]);
  });

  it('refuses a 2024 commune code that no longer exists on the day', () => {
    expect(reasons(checkSpecialCircumstance({ ...valid, communeCode: '25783' }, TODAY))).toEqual([
      'communeCode:UNIT_NOT_VALID_ON_DATE',
    ]);
  });
});

describe('protection cases and social support', () => {
  it('checks a protection case (the birth date, when given, too)', () => {
    const valid = { personalId: '020123456789', kind: 'NEGLECT', reportedOn: d('2025-10-01'), communeCode: '05977' };
    expect(checkProtectionCase(valid, TODAY).problems).toEqual([]);
    expect(
      reasons(checkProtectionCase({ ...valid, reportedOn: d('2027-01-01'), birthDate: d('2025-11-01') }, TODAY)),
    ).toEqual(expect.arrayContaining(['reportedOn:DATE_IN_FUTURE']));
    expect(reasons(checkProtectionCase({ ...valid, birthDate: d('2025-11-01') }, TODAY))).toEqual([
      'reportedOn:BEFORE_BIRTH',
    ]);
  });

  it('refuses a negative or fractional amount and an end before the start', () => {
    const valid = {
      personalId: '020123456789',
      kind: 'MONTHLY_ALLOWANCE',
      monthlyAmount: 500_000,
      from: d('2025-08-01'),
      to: d('2026-07-31'),
      communeCode: '05977',
    };
    expect(checkSocialSupport(valid, TODAY).problems).toEqual([]);
    expect(reasons(checkSocialSupport({ ...valid, monthlyAmount: -1, to: d('2025-07-31') }, TODAY))).toEqual([
      'monthlyAmount:NEGATIVE_AMOUNT',
      'to:END_BEFORE_START',
    ]);
    expect(reasons(checkSocialSupport({ ...valid, monthlyAmount: 1.5 }, TODAY))).toEqual([
      'monthlyAmount:NEGATIVE_AMOUNT',
    ]);
  });
});

describe('parenting sessions, pilot models, referral networks', () => {
  it('wants a positive whole number of participants and a topic', () => {
    const valid = { communeCode: '05977', heldOn: d('2025-09-10'), topic: 'Chơi với con', participants: 25 };
    expect(checkParentingSession(valid, TODAY).problems).toEqual([]);
    expect(reasons(checkParentingSession({ ...valid, participants: 0, topic: ' ' }, TODAY))).toEqual([
      'participants:PARTICIPANTS_NOT_POSITIVE',
      'topic:REQUIRED',
    ]);
    expect(reasons(checkParentingSession({ ...valid, participants: 2.5 }, TODAY))).toEqual([
      'participants:PARTICIPANTS_NOT_POSITIVE',
    ]);
  });

  it('places a pilot model at any level and refuses an end before its start', () => {
    const valid = { name: 'Mô hình', kind: 'OTHER', unitCode: '720', startedOn: d('2023-03-01'), endedOn: null };
    expect(checkPilotModel(valid, TODAY).value?.location).toMatchObject({
      unitLevel: 'district',
      districtCode: '720',
      communeCode: null,
    });
    expect(reasons(checkPilotModel({ ...valid, endedOn: d('2023-02-01') }, TODAY))).toEqual([
      'endedOn:END_BEFORE_START',
    ]);
  });

  it('holds a network in the units of the end of the year: a district only up to 2024', () => {
    const valid = { unitCode: '180', year: 2024, working: true, assessedOn: d('2024-12-15') };
    expect(checkReferralNetwork(valid, TODAY).value?.location).toMatchObject({
      unitLevel: 'district',
      districtCode: '180',
      provinceCode: '20',
    });
    expect(reasons(checkReferralNetwork({ ...valid, year: 2025, assessedOn: d('2025-12-15') }, TODAY))).toEqual([
      'unitCode:UNIT_NOT_VALID_ON_DATE',
    ]);
    expect(reasons(checkReferralNetwork({ ...valid, unitCode: '20' }, TODAY))).toEqual([
      'unitCode:UNIT_LEVEL_NOT_ALLOWED',
    ]);
    expect(reasons(checkReferralNetwork({ ...valid, year: 2030, assessedOn: d('2023-01-01') }, TODAY))).toEqual([
      'year:YEAR_OUT_OF_RANGE',
    ]);
    expect(reasons(checkReferralNetwork({ ...valid, assessedOn: d('2023-12-31') }, TODAY))).toEqual([
      'assessedOn:ASSESSED_BEFORE_YEAR',
    ]);
  });
});

describe('referrals', () => {
  const valid = {
    personalId: '020123456789',
    unitCode: '05977',
    fromSector: 'HEALTH',
    fromService: 'Trạm y tế',
    toSector: 'SOCIAL_AFFAIRS',
    toService: 'Bảo vệ trẻ em',
    reason: 'Nghi bị bỏ mặc',
  };
  it('wants different sectors, services, a reason and a valid number', () => {
    expect(checkSendReferral(valid, TODAY).problems).toEqual([]);
    expect(
      reasons(
        checkSendReferral(
          { ...valid, personalId: '0201234567890', toSector: 'HEALTH', reason: '', toService: '' },
          TODAY,
        ),
      ),
    ).toEqual(['personalId:INVALID_PERSONAL_ID', 'reason:REQUIRED', 'toSector:SAME_SECTOR', 'toService:REQUIRED']);
  });
  it('wants a reason to decline', () => {
    expect(checkReason(' ', true)).toMatchObject([{ reason: 'REASON_REQUIRED' }]);
    expect(checkReason(null, false)).toEqual([]);
  });
});
