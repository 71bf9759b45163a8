import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UnitKey as UnitKeyModel } from '@ecd/database';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
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

/** An administrative unit (owned by the LĐTBXH subgraph); education adds what it knows about the unit. */
export type AdministrativeUnit = {
  __typename?: 'AdministrativeUnit';
  code: Scalars['String']['output'];
  /** Schools in the unit by level (all its communes for a province), every level listed. Null if education cannot answer. */
  schoolCounts: Maybe<Array<SchoolLevelCount>>;
  validFrom: Scalars['Date']['output'];
};

export type SchoolLevel =
  /** Trung học cơ sở */
  | 'LOWER_SECONDARY'
  /** Mầm non */
  | 'PRESCHOOL'
  /** Tiểu học */
  | 'PRIMARY';

export type SchoolLevelCount = {
  __typename?: 'SchoolLevelCount';
  count: Scalars['Int']['output'];
  /** Vietnamese name of the level, e.g. Mầm non. */
  label: Scalars['String']['output'];
  level: SchoolLevel;
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
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  SchoolLevel: SchoolLevel;
  SchoolLevelCount: ResolverTypeWrapper<SchoolLevelCount>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdministrativeUnit: UnitKeyModel;
  String: Scalars['String']['output'];
  Date: Scalars['Date']['output'];
  SchoolLevelCount: SchoolLevelCount;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type AdministrativeUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdministrativeUnit'] = ResolversParentTypes['AdministrativeUnit'], FederationReferenceType extends FederationReferenceTypes['AdministrativeUnit'] = FederationReferenceTypes['AdministrativeUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AdministrativeUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  schoolCounts?: Resolver<Maybe<Array<ResolversTypes['SchoolLevelCount']>>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type SchoolLevelCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SchoolLevelCount'] = ResolversParentTypes['SchoolLevelCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['SchoolLevel'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AdministrativeUnit?: AdministrativeUnitResolvers<ContextType>;
  Date?: GraphQLScalarType;
  SchoolLevelCount?: SchoolLevelCountResolvers<ContextType>;
};

