import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UnitKey as UnitKeyModel } from '@ecd/database';
import type { HealthStation as HealthStationModel } from '../generated/prisma/client.js';
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

/** An administrative unit (owned by the LĐTBXH subgraph); health adds what it knows about the unit. */
export type AdministrativeUnit = {
  __typename?: 'AdministrativeUnit';
  /** Trẻ em 0-8 tuổi: children up to 8 years old (born within the last 9 years) registered with the unit's health stations, as of `asOf` (default: today). */
  childrenAged0To8Count: Maybe<Scalars['Int']['output']>;
  code: Scalars['String']['output'];
  /** Số trạm y tế: health stations in the unit, all its communes for a province. Null if health cannot answer. */
  healthStationCount: Maybe<Scalars['Int']['output']>;
  /** The health stations in the unit, ordered by name. */
  healthStations: Maybe<HealthStationConnection>;
  validFrom: Scalars['Date']['output'];
};


/** An administrative unit (owned by the LĐTBXH subgraph); health adds what it knows about the unit. */
export type AdministrativeUnitChildrenAged0To8CountArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


/** An administrative unit (owned by the LĐTBXH subgraph); health adds what it knows about the unit. */
export type AdministrativeUnitHealthStationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Trạm y tế: a commune health station. */
export type HealthStation = {
  __typename?: 'HealthStation';
  commune: AdministrativeUnit;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  openedOn: Maybe<Scalars['Date']['output']>;
};

export type HealthStationConnection = {
  __typename?: 'HealthStationConnection';
  nodes: Array<HealthStation>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};



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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  AdministrativeUnit:
    ( { __typename: 'AdministrativeUnit' }
    & GraphQLRecursivePick<FederationTypes['AdministrativeUnit'], {"code":true,"validFrom":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdministrativeUnit: ResolverTypeWrapper<UnitKeyModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  HealthStation: ResolverTypeWrapper<HealthStationModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  HealthStationConnection: ResolverTypeWrapper<Omit<HealthStationConnection, 'nodes'> & { nodes: Array<ResolversTypes['HealthStation']> }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdministrativeUnit: UnitKeyModel;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Date: Scalars['Date']['output'];
  HealthStation: HealthStationModel;
  ID: Scalars['ID']['output'];
  HealthStationConnection: Omit<HealthStationConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['HealthStation']> };
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
};

export type AdministrativeUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdministrativeUnit'] = ResolversParentTypes['AdministrativeUnit'], FederationReferenceType extends FederationReferenceTypes['AdministrativeUnit'] = FederationReferenceTypes['AdministrativeUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AdministrativeUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  childrenAged0To8Count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType, Partial<AdministrativeUnitChildrenAged0To8CountArgs>>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  healthStationCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  healthStations?: Resolver<Maybe<ResolversTypes['HealthStationConnection']>, ParentType, ContextType, RequireFields<AdministrativeUnitHealthStationsArgs, 'first'>>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type HealthStationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HealthStation'] = ResolversParentTypes['HealthStation']> = {
  commune?: Resolver<ResolversTypes['AdministrativeUnit'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type HealthStationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HealthStationConnection'] = ResolversParentTypes['HealthStationConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['HealthStation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AdministrativeUnit?: AdministrativeUnitResolvers<ContextType>;
  Date?: GraphQLScalarType;
  HealthStation?: HealthStationResolvers<ContextType>;
  HealthStationConnection?: HealthStationConnectionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
};

