import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AdministrativeUnit as AdministrativeUnitModel, Plan as PlanModel } from '../generated/prisma/client.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Calendar date, ISO 8601 (YYYY-MM-DD). */
  Date: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * An administrative unit (đơn vị hành chính) as it existed in one interval. Official codes are reused
 * across the July 2025 reform, so a unit is identified by its code together with the day it became valid.
 */
export type AdministrativeUnit = {
  __typename?: 'AdministrativeUnit';
  /** Units directly below this one, ordered by code. */
  children: AdministrativeUnitConnection;
  /** Official numeric code: 2 digits for a province, 3 for a district, 5 for a commune. */
  code: Scalars['String']['output'];
  /** Name with its unit word, e.g. Tỉnh Lạng Sơn. */
  fullName: Scalars['String']['output'];
  level: UnitLevel;
  /** Short name without the unit word, e.g. Lạng Sơn. */
  name: Scalars['String']['output'];
  parent: Maybe<AdministrativeUnit>;
  /** Plans in force for this unit: its own, its ancestors' and those of the units it succeeded, and national schemes. */
  plans: Array<Plan>;
  /** The unit word in lower case: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu. */
  type: Scalars['String']['output'];
  /** First day the unit is valid. */
  validFrom: Scalars['Date']['output'];
  /** Last day the unit is valid; null while it still exists. */
  validTo: Maybe<Scalars['Date']['output']>;
};


/**
 * An administrative unit (đơn vị hành chính) as it existed in one interval. Official codes are reused
 * across the July 2025 reform, so a unit is identified by its code together with the day it became valid.
 */
export type AdministrativeUnitChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AdministrativeUnitConnection = {
  __typename?: 'AdministrativeUnitConnection';
  nodes: Array<AdministrativeUnit>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A plan (đề án, kế hoạch) for children, from the national scheme down to a sector or district plan. */
export type Plan = {
  __typename?: 'Plan';
  id: Scalars['ID']['output'];
  issuedOn: Maybe<Scalars['Date']['output']>;
  /** Issuing body, e.g. UBND tỉnh Lạng Sơn. */
  issuer: Scalars['String']['output'];
  level: PlanLevel;
  /** Official number, e.g. 03/KH-SGDĐT; null where the source document does not give it. */
  number: Maybe<Scalars['String']['output']>;
  parent: Maybe<Plan>;
  periodEnd: Scalars['Int']['output'];
  periodStart: Scalars['Int']['output'];
  /** The unit the plan covers; null for a national scheme. */
  scope: Maybe<AdministrativeUnit>;
  title: Scalars['String']['output'];
};

export type PlanConnection = {
  __typename?: 'PlanConnection';
  nodes: Array<Plan>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PlanLevel =
  | 'DISTRICT'
  | 'NATIONAL'
  | 'PROVINCIAL'
  | 'SECTOR';

export type Query = {
  __typename?: 'Query';
  /** A unit by official code, as it was on `asOf` (default: today). */
  administrativeUnit: Maybe<AdministrativeUnit>;
  /** Units valid on `asOf` (default: today), optionally of one level or below one parent. */
  administrativeUnits: AdministrativeUnitConnection;
  plans: PlanConnection;
};


export type QueryAdministrativeUnitArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
};


export type QueryAdministrativeUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<UnitLevel>;
  parentCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UnitLevel =
  | 'COMMUNE'
  | 'DISTRICT'
  | 'PROVINCE';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  AdministrativeUnit: AdministrativeUnit;
  Plan: Plan;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  AdministrativeUnit:
    ( { __typename: 'AdministrativeUnit' }
    & GraphQLRecursivePick<FederationTypes['AdministrativeUnit'], {"code":true,"validFrom":true}> );
  Plan:
    ( { __typename: 'Plan' }
    & GraphQLRecursivePick<FederationTypes['Plan'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdministrativeUnit: ResolverTypeWrapper<AdministrativeUnitModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AdministrativeUnitConnection: ResolverTypeWrapper<Omit<AdministrativeUnitConnection, 'nodes'> & { nodes: Array<ResolversTypes['AdministrativeUnit']> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Plan: ResolverTypeWrapper<PlanModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PlanConnection: ResolverTypeWrapper<Omit<PlanConnection, 'nodes'> & { nodes: Array<ResolversTypes['Plan']> }>;
  PlanLevel: PlanLevel;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UnitLevel: UnitLevel;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdministrativeUnit: AdministrativeUnitModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AdministrativeUnitConnection: Omit<AdministrativeUnitConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['AdministrativeUnit']> };
  Date: Scalars['Date']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Plan: PlanModel;
  ID: Scalars['ID']['output'];
  PlanConnection: Omit<PlanConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Plan']> };
  Query: Record<PropertyKey, never>;
};

export type AdministrativeUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdministrativeUnit'] = ResolversParentTypes['AdministrativeUnit'], FederationReferenceType extends FederationReferenceTypes['AdministrativeUnit'] = FederationReferenceTypes['AdministrativeUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AdministrativeUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  children?: Resolver<ResolversTypes['AdministrativeUnitConnection'], ParentType, ContextType, RequireFields<AdministrativeUnitChildrenArgs, 'first'>>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['UnitLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type AdministrativeUnitConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdministrativeUnitConnection'] = ResolversParentTypes['AdministrativeUnitConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan'], FederationReferenceType extends FederationReferenceTypes['Plan'] = FederationReferenceTypes['Plan']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Plan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PlanLevel'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scope?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanConnection'] = ResolversParentTypes['PlanConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  administrativeUnit?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType, RequireFields<QueryAdministrativeUnitArgs, 'code'>>;
  administrativeUnits?: Resolver<ResolversTypes['AdministrativeUnitConnection'], ParentType, ContextType, RequireFields<QueryAdministrativeUnitsArgs, 'first'>>;
  plans?: Resolver<ResolversTypes['PlanConnection'], ParentType, ContextType, RequireFields<QueryPlansArgs, 'first'>>;
};

export type Resolvers<ContextType = Context> = {
  AdministrativeUnit?: AdministrativeUnitResolvers<ContextType>;
  AdministrativeUnitConnection?: AdministrativeUnitConnectionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanConnection?: PlanConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

