import {
  GraphQLError,
  isObjectType,
  Kind,
  type ConstArgumentNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

import { territoryOf, unitKey } from '@ecd/reference-data';

import { ErrorCode } from '../errors.js';
import type { Reason } from '../input/reasons.js';
import type { Identity, Role, Sector } from './identity.js';
import { wrapFieldResolvers } from './wrap-resolvers.js';

/**
 * Who may read or do what, by role × sector × unit. A subgraph's SDL names one of these policies on
 * every type or field with `@access(policy: "name")`; `enforcePolicies` makes every subgraph apply
 * them itself, whoever calls it. (Federation's own `@policy` cannot be used: `@apollo/gateway`
 * refuses a supergraph with a SECURITY feature, and would not enforce it anyway.)
 */
export const ACCESS_DIRECTIVE = 'access';

/** The declaration each subgraph's SDL carries (composition leaves it out of the supergraph). */
export const ACCESS_DIRECTIVE_SDL = 'directive @access(policy: String!) on OBJECT | FIELD_DEFINITION';
export interface Policy {
  label: string;
  roles: readonly Role[];
  /** `own`: the person's sector must be the subgraph's (admin excepted). */
  sector: 'any' | 'own';
  /** Whether the object read must lie in the person's unit (checked on every located parent). */
  scoped: boolean;
  /** Whether it reads or writes children's personal data (audited, never cached for others). */
  personal: boolean;
  /**
   * Whether a query's answer that reads only such fields may be kept in the gateway's answer cache and
   * served again to people with the same roles, sector, unit and agency while no data changed
   * (shareable-answer.ts): never personal data (each read is audited), never a write, never the audit log
   * (its reads write it, outside the data version).
   */
  cacheable: boolean;
}

const OFFICERS: Role[] = ['admin', 'lead-agency', 'sector-officer', 'viewer'];

export const POLICIES = {
  reference: {
    label: 'Danh mục dùng chung (đơn vị hành chính, chỉ tiêu, cơ quan, văn bản kế hoạch)',
    roles: ['admin', 'lead-agency', 'sector-officer', 'facility-staff', 'case-worker', 'auditor', 'viewer'],
    sector: 'any',
    scoped: false,
    personal: false,
    cacheable: true,
  },
  aggregate: {
    label: 'Số liệu tổng hợp và tiến độ kế hoạch trong địa bàn',
    roles: OFFICERS,
    sector: 'any',
    scoped: true,
    personal: false,
    cacheable: true,
  },
  'plan:manage': {
    label: 'Nhập kế hoạch, mở/đóng kỳ báo cáo, duyệt báo cáo',
    roles: ['admin', 'lead-agency'],
    sector: 'any',
    scoped: true,
    personal: false,
    cacheable: false,
  },
  'report:read': {
    label: 'Xem kỳ báo cáo và báo cáo của các cơ quan',
    roles: ['admin', 'lead-agency', 'sector-officer', 'viewer'],
    sector: 'any',
    scoped: true,
    personal: false,
    cacheable: true,
  },
  'report:write': {
    label: 'Lập và gửi báo cáo của cơ quan mình',
    roles: ['admin', 'lead-agency', 'sector-officer'],
    sector: 'any',
    scoped: true,
    personal: false,
    cacheable: false,
  },
  'figure:write': {
    label: 'Nhập số liệu tổng hợp của ngành mình',
    roles: ['admin', 'sector-officer'],
    sector: 'own',
    scoped: true,
    personal: false,
    cacheable: false,
  },
  'facility:read': {
    label: 'Danh sách cơ sở của ngành (trạm y tế, trường, thiết chế)',
    roles: ['admin', 'lead-agency', 'sector-officer', 'facility-staff', 'viewer'],
    sector: 'any',
    scoped: true,
    personal: false,
    cacheable: true,
  },
  'records:read': {
    label: 'Hồ sơ từng trẻ của ngành mình',
    roles: ['admin', 'sector-officer', 'facility-staff'],
    sector: 'own',
    scoped: true,
    personal: true,
    cacheable: false,
  },
  'records:write': {
    label: 'Ghi hồ sơ từng trẻ của ngành mình',
    roles: ['admin', 'sector-officer', 'facility-staff'],
    sector: 'own',
    scoped: true,
    personal: true,
    cacheable: false,
  },
  protection: {
    label: 'Trẻ có hoàn cảnh đặc biệt, vụ việc bảo vệ trẻ em, trợ giúp xã hội',
    roles: ['admin', 'case-worker'],
    sector: 'any',
    scoped: true,
    personal: true,
    cacheable: false,
  },
  referral: {
    label: 'Chuyển tuyến trẻ giữa các ngành',
    roles: ['admin', 'case-worker', 'facility-staff', 'sector-officer'],
    sector: 'any',
    scoped: true,
    personal: true,
    cacheable: false,
  },
  'personal-id:lookup': {
    label: 'Tra cứu theo số định danh cá nhân (có lý do, bị giới hạn)',
    roles: ['admin', 'case-worker', 'facility-staff'],
    sector: 'any',
    scoped: true,
    personal: true,
    cacheable: false,
  },
  audit: {
    label: 'Nhật ký truy cập dữ liệu cá nhân',
    roles: ['admin', 'auditor'],
    sector: 'any',
    scoped: false,
    personal: false,
    cacheable: false,
  },
} as const satisfies Record<string, Policy>;

/** Fields Federation adds to every subgraph: the gateway's own, behind its token; entities are checked by their types. */
const FEDERATION_FIELDS = new Set(['Query._service', 'Query._entities']);

export const forbidden = (message: string, reason: Reason, details: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden, reason, ...details } });

/** A unit given by code and first day of validity, as located rows and entity keys carry it. */
export interface Located {
  code: string;
  validFrom: string | Date;
}

const isoOf = (value: string | Date): string => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
const asIso = (value: unknown) => (value instanceof Date || typeof value === 'string' ? isoOf(value) : undefined);

/** A row's location columns, the finest first, named once: a province's progress locates some 1,500 objects per read. */
const LOCATION_COLUMNS = ['commune', 'unit', 'district', 'province'].map((prefix): [string, string] => [
  `${prefix}Code`,
  `${prefix}ValidFrom`,
]);

/**
 * The unit a parent object lies in: the finest of its commune, unit, district or province columns,
 * or the object itself when it is an administrative unit (an entity key `code validFrom`).
 */
export function locationOf(parent: unknown, typeName: string): Located | undefined {
  if (!parent || typeof parent !== 'object') return undefined;
  const row = parent as Record<string, unknown>;
  if (typeName === 'AdministrativeUnit' && typeof row.code === 'string') {
    const validFrom = asIso(row.validFrom);
    if (validFrom) return { code: row.code, validFrom };
  }
  for (const [codeColumn, validFromColumn] of LOCATION_COLUMNS) {
    const code = row[codeColumn];
    if (typeof code !== 'string') continue;
    const validFrom = asIso(row[validFromColumn]);
    if (validFrom) return { code, validFrom };
  }
  return undefined;
}

/** What one request may do: made once per request from the verified identity. */
export class Access {
  private readonly territory: ReadonlySet<string> | null;
  /** Personal records read in this request, for the audit log: `Type:id`. */
  readonly personalReads = new Set<string>();
  /** Set when a write checked its unit against the person's scope. */
  scopeChecked = false;

  constructor(
    readonly identity: Identity,
    readonly sector: Sector,
  ) {
    this.territory = identity.unitCode === null ? null : (territoryOf(identity.unitCode) ?? new Set());
  }

  get isAdmin() {
    return this.identity.roles.includes('admin');
  }

  /** The unit decided last and whether it lies in the territory: a commune's progress and its groups by sex share it. */
  private lastUnit: { code: string; validFrom: string; covered: boolean } | null = null;

  /** Whether a unit lies in the person's territory (the whole country for national roles). */
  covers(unit: Located): boolean {
    if (this.territory === null) return true;
    const validFrom = isoOf(unit.validFrom);
    const last = this.lastUnit;
    if (last?.code === unit.code && last.validFrom === validFrom) return last.covered;
    const covered = this.territory.has(unitKey({ code: unit.code, validFrom }));
    this.lastUnit = { code: unit.code, validFrom, covered };
    return covered;
  }

  /** The object whose field was asked last, its type, and whether it lies outside. */
  private last: { parent: object; typeName: string; outside: boolean } | null = null;

  /**
   * Whether an object read lies outside the person's territory. graphql-js resolves the fields of one
   * object one after another, so the last object's answer serves its other fields (a province's progress
   * split by sex asks it of some 30,000 fields of 4,500 objects).
   */
  isOutside(parent: unknown, typeName: string): boolean {
    if (this.territory === null || !parent || typeof parent !== 'object') return false;
    const last = this.last;
    if (last?.parent === parent && last.typeName === typeName) return last.outside;
    const unit = locationOf(parent, typeName);
    const outside = unit !== undefined && !this.covers(unit);
    this.last = { parent, typeName, outside };
    return outside;
  }

  /** For writes and lookups: the unit the record is (or will be) in must lie in the person's territory. */
  assertCovers(unit: Located | undefined, field?: string): void {
    this.scopeChecked = true;
    if (unit && this.covers(unit)) return;
    throw forbidden('Đơn vị này nằm ngoài địa bàn bạn được giao phụ trách.', 'OUTSIDE_SCOPE', field ? { field } : {});
  }

  /**
   * For what may cover the whole country (a national plan, a ministry's report): a unit as in
   * `assertCovers`, or null for the whole country, which only national roles (no unit) may manage.
   */
  assertCoversScope(unit: Located | null, field?: string): void {
    if (unit) return this.assertCovers(unit, field);
    this.scopeChecked = true;
    if (this.territory === null) return;
    throw forbidden(
      'Nội dung phạm vi toàn quốc chỉ do cán bộ cấp trung ương quản lý.',
      'OUTSIDE_SCOPE',
      field ? { field } : {},
    );
  }

  /**
   * For what an agency reports: a sector officer writes and submits only their own agency's reports;
   * the lead agency and administrators may act for any agency (their territory still applies).
   */
  assertActsFor(agencyCode: string, field?: string): void {
    if (this.isAdmin || this.identity.roles.includes('lead-agency')) return;
    if (this.identity.agency === agencyCode) return;
    throw forbidden('Bạn chỉ được lập và nộp báo cáo của cơ quan mình.', 'OTHER_AGENCY', field ? { field } : {});
  }

  private readonly allowedRules = new Set<readonly (readonly Policy[])[]>();

  /**
   * Why a field's rule refuses this person (each alternative a list of policies that must all allow), or
   * null when one alternative allows them. An allowance is kept for the request: a province's progress
   * asks it of some fifteen thousand fields of a few dozen kinds.
   */
  ruleRefusal(alternatives: readonly (readonly Policy[])[]): GraphQLError | null {
    if (this.allowedRules.has(alternatives)) return null;
    let refusal: GraphQLError | null = null;
    for (const all of alternatives) {
      refusal = all.map((p) => this.refusal(p)).find(Boolean) ?? null;
      if (!refusal) break;
    }
    if (!refusal) this.allowedRules.add(alternatives);
    return refusal;
  }

  /** Why a policy refuses this person, or null when it allows them. */
  refusal(policy: Policy): GraphQLError | null {
    if (this.isAdmin) return null;
    if (!policy.roles.some((role) => this.identity.roles.includes(role))) {
      return forbidden('Vai trò của bạn không được phép xem hoặc thực hiện nội dung này.', 'ROLE_NOT_ALLOWED');
    }
    if (policy.sector === 'own' && this.identity.sector !== this.sector) {
      return forbidden('Nội dung này chỉ dành cho cán bộ của ngành quản lý dữ liệu.', 'SECTOR_NOT_ALLOWED');
    }
    return null;
  }
}

export interface AccessContext {
  access: Access;
}

/**
 * What a write or lookup needs to check the unit it touches: the request's `Access` (resolvers pass
 * `context.access`), or SYSTEM_SCOPE for trusted in-process jobs acting for no person (demo seed, CLI).
 */
export type ScopeGuard = Pick<Access, 'assertCovers' | 'assertCoversScope' | 'assertActsFor'>;

/** The whole country, for jobs no person runs through the API (demo seed, command line). Never for a request. */
export const SYSTEM_SCOPE: ScopeGuard = {
  assertCovers: () => undefined,
  assertCoversScope: () => undefined,
  assertActsFor: () => undefined,
};

function policiesOf(
  directives: readonly { name: { value: string }; arguments?: readonly ConstArgumentNode[] }[] | undefined,
): string[][] | undefined {
  const directive = directives?.find((d) => d.name.value === ACCESS_DIRECTIVE);
  const argument = directive?.arguments?.find((a) => a.name.value === 'policy');
  return argument?.value.kind === Kind.STRING ? [[argument.value.value]] : undefined;
}

/** The policy of a field: its own `@access`, else its type's. Every name must be in POLICIES. */
export function policyOfField(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Policy[][] | undefined {
  const names =
    policiesOf(field.astNode?.directives) ??
    [type.astNode, ...type.extensionASTNodes].map((node) => policiesOf(node?.directives)).find(Boolean);
  return names?.map((all) =>
    all.map((name) => {
      const policy = (POLICIES as Record<string, Policy>)[name];
      if (!policy) throw new Error(`${type.name}.${field.name}: unknown policy "${name}"`);
      return policy;
    }),
  );
}

/** Every object field of a schema that has no policy (a test keeps this empty). */
export function fieldsWithoutPolicy(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === '_Service') continue;
    for (const field of Object.values(type.getFields())) {
      if (!FEDERATION_FIELDS.has(`${type.name}.${field.name}`) && !policyOfField(type, field))
        missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

/**
 * Wraps every field resolver of a subgraph's schema (in place, so Federation's entity resolution is
 * kept) with its policy: the person's roles and sector first, then, for scoped policies, the unit of
 * the parent object. A field without a policy is refused (closed until a rule opens it).
 */
export function enforcePolicies(schema: GraphQLSchema): GraphQLSchema {
  wrapFieldResolvers<AccessContext>(schema, 'policy', (type, field, resolve) =>
    type.name === '_Service' || FEDERATION_FIELDS.has(`${type.name}.${field.name}`)
      ? undefined
      : guard(type.name, field.name, policyOfField(type, field), resolve),
  );
  return schema;
}

function guard(
  typeName: string,
  fieldName: string,
  alternatives: Policy[][] | undefined,
  resolve: GraphQLFieldResolver<unknown, AccessContext>,
): GraphQLFieldResolver<unknown, AccessContext> {
  if (!alternatives?.length) {
    return () => {
      throw forbidden('Trường dữ liệu này chưa có quy tắc truy cập nên bị đóng.', 'NO_ACCESS_RULE', {
        field: `${typeName}.${fieldName}`,
      });
    };
  }
  const scoped = alternatives.every((all) => all.some((p) => p.scoped));
  const personal = alternatives.some((all) => all.some((p) => p.personal));
  return (parent, args, context, info) => {
    const { access } = context;
    const refusal = access.ruleRefusal(alternatives);
    if (refusal) throw refusal;
    if (scoped && typeName !== 'Query' && typeName !== 'Mutation') {
      if (access.isOutside(parent, typeName)) {
        throw forbidden('Dữ liệu này thuộc đơn vị nằm ngoài địa bàn bạn được giao phụ trách.', 'OUTSIDE_SCOPE');
      }
      if (personal) {
        const id = (parent as { id?: unknown } | null)?.id;
        if (typeof id === 'string') access.personalReads.add(`${typeName}:${id}`);
      }
    }
    return resolve(parent, args, context, info);
  };
}
