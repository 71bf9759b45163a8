import { useQuery } from '@apollo/client/react';

import { useIdentity } from '../../auth/AuthProvider.tsx';
import type { PlanSummaryFragment } from '../../generated/graphql.ts';
import { ALL_PLANS, PLANS_OF_UNIT } from './queries.ts';

/** The plans in force in the person's unit (every plan for national roles). */
export function usePlansInScope() {
  const identity = useIdentity();
  const national = identity.unitCode === null;
  const ofUnit = useQuery(PLANS_OF_UNIT, { variables: { unitCode: identity.unitCode ?? '' }, skip: national });
  const all = useQuery(ALL_PLANS, { skip: !national });
  const plans: PlanSummaryFragment[] = national
    ? (all.data?.plans.nodes ?? [])
    : (ofUnit.data?.administrativeUnit?.plans ?? []);
  return { plans, loading: national ? all.loading : ofUnit.loading, error: national ? all.error : ofUnit.error };
}

/** The plan a page opens at: the person's unit's own provincial plan, else the most specific one. */
export function preferredPlan(plans: readonly PlanSummaryFragment[], unitCode: string | null) {
  return (
    plans.find((p) => unitCode !== null && p.scope?.code === unitCode && p.level === 'PROVINCIAL') ??
    plans.find((p) => unitCode !== null && p.scope?.code === unitCode) ??
    plans.find((p) => p.level === 'PROVINCIAL') ??
    plans.find((p) => p.scope) ??
    plans[0]
  );
}

export const planName = (plan: { number?: string | null; title: string }) =>
  plan.number ? `${plan.number} — ${plan.title}` : plan.title;
