import { toIsoDate } from '@ecd/service-kit';
import { EPI_SCHEDULE, scheduledDose } from '../domain/epi-schedule.js';
import type { Loaders } from '../loaders.js';
import type { ChildHealthRecordResolvers, HealthServiceContactResolvers, ImmunisationResolvers, PregnancyResolvers } from '../generated/graphql.js';

export const ChildHealthRecord: ChildHealthRecordResolvers = {
  child: (record) => (record.childKey ? { key: record.childKey } : null),
  commune: (record) => ({ code: record.communeCode, validFrom: toIsoDate(record.communeValidFrom) }),
  immunisations: (record, _args, { loaders }) => loaders.immunisationsOfChild.load(record.id),
  async missingVaccines(record, _args, { loaders }) {
    const given = new Set((await loaders.immunisationsOfChild.load(record.id)).map((i) => i.vaccine));
    return EPI_SCHEDULE.map((d) => d.vaccine).filter((v) => !given.has(v));
  },
  // A child measured in a commune outside the person's territory: that measurement is left out.
  growthMeasurements: async (record, _args, { loaders, access }) =>
    (await loaders.growthOfChild.load(record.id)).filter((m) => access.covers({ code: m.communeCode, validFrom: m.communeValidFrom })),
  healthServiceContacts: (record, _args, { loaders }) => loaders.serviceContactsOfChild.load(record.id),
};

/** The station of a dose or service: the foreign key guarantees it exists. */
const stationOf = async (stationId: string, loaders: Loaders) => {
  const station = await loaders.station.load(stationId);
  if (!station) throw new Error(`station ${stationId} not found`);
  return station;
};

export const Immunisation: ImmunisationResolvers = {
  vaccineLabel: (dose) => scheduledDose(dose.vaccine).label,
  station: (dose, _args, { loaders }) => stationOf(dose.stationId, loaders),
};

export const HealthServiceContact: HealthServiceContactResolvers = {
  station: (contact, _args, { loaders }) => stationOf(contact.stationId, loaders),
};

export const Pregnancy: PregnancyResolvers = {
  commune: (pregnancy) => ({ code: pregnancy.communeCode, validFrom: toIsoDate(pregnancy.communeValidFrom) }),
  visits: (pregnancy, _args, { loaders }) => loaders.visitsOfPregnancy.load(pregnancy.id),
};
