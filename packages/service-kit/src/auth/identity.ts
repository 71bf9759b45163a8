import { z } from 'zod';

import { ROLES, SECTORS, type Role } from './token-claims.js';

export { ROLES, SECTORS, type Role, type Sector } from './token-claims.js';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  'lead-agency': 'Cán bộ cơ quan chủ trì',
  'sector-officer': 'Cán bộ sở, ngành',
  'facility-staff': 'Nhân viên cơ sở (trạm y tế, trường học, thiết chế văn hóa)',
  'case-worker': 'Cán bộ bảo vệ trẻ em (quản lý trường hợp)',
  auditor: 'Kiểm toán, thanh tra dữ liệu cá nhân',
  viewer: 'Người xem số liệu tổng hợp',
};

export const identitySchema = z.object({
  userId: z.string().min(1).max(128),
  name: z.string().max(200).nullable().default(null),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  /** The sector the person works in; null for the lead agency's cross-sector staff and national roles. */
  sector: z.enum(SECTORS).nullable().default(null),
  /** Official code of the unit (as valid today) whose territory the person serves; null: the whole country. */
  unitCode: z
    .string()
    .regex(/^\d{2}(\d|\d{3})?$/)
    .nullable()
    .default(null),
  /** Code of the agency the person works for, when known. */
  agency: z.string().max(64).nullable().default(null),
});

/** A verified person: made only from a token the gateway verified, never from what a client says. */
export type Identity = z.infer<typeof identitySchema>;
