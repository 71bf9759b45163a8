import { toIsoDate } from '@ecd/service-kit';

import { scheduledDose } from '../domain/epi-schedule.js';
import type {
  ChildHealthRecordResolvers,
  HealthServiceContactResolvers,
  ImmunisationResolvers,
  PregnancyResolvers,
} from '../generated/graphql.js';

export const ChildHealthRecord: ChildHealthRecordResolvers = {
  child: (record) => (record.childKey ? { key: record.childKey } : null),
  commune: (record) => ({ code: record.communeCode, validFrom: toIsoDate(record.communeValidFrom) }),
  immunisations: (record, _args, { data }) => data.immunisations.ofRecord(record.id),
  missingVaccines: (record, _args, { data }) => data.immunisations.missingOf(record.id),
  growthMeasurements: (record, _args, { data, access }) => data.growth.ofRecord(record.id, access),
  healthServiceContacts: (record, _args, { data }) => data.children.serviceContactsOfRecord(record.id),
};

export const Immunisation: ImmunisationResolvers = {
  vaccineLabel: (dose) => scheduledDose(dose.vaccine).label,
  station: (dose, _args, { data }) => data.stations.get(dose.stationId),
};

export const HealthServiceContact: HealthServiceContactResolvers = {
  station: (contact, _args, { data }) => data.stations.get(contact.stationId),
};

export const Pregnancy: PregnancyResolvers = {
  commune: (pregnancy) => ({ code: pregnancy.communeCode, validFrom: toIsoDate(pregnancy.communeValidFrom) }),
  visits: (pregnancy, _args, { data }) => data.antenatal.visitsOf(pregnancy.id),
};
