import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

import type { Identity } from '../auth/identity.ts';
import { can } from '../auth/permissions.ts';

/**
 * The application's pages: each its own chunk, loaded when first opened. A page is in the navigation when it
 * has a label, and offered only to whom `allowed` admits (the server still refuses what a role may not see).
 * To add a page: add its component under src/pages/ and one entry here.
 */
export interface PageEntry {
  /** The address, as react-router matches it (`:name` for a parameter). */
  path: string;
  /** Its name in the navigation; none: reached by links only. */
  label?: string;
  allowed: (identity: Identity) => boolean;
  component: LazyExoticComponent<ComponentType>;
}

export const PAGES: PageEntry[] = [
  {
    path: '/ke-hoach',
    label: 'Kế hoạch và tiến độ',
    allowed: (identity) => can(identity, 'aggregate'),
    component: lazy(() => import('../pages/plans/PlansPage.tsx')),
  },
  {
    path: '/ke-hoach/:planKey/chi-tieu/:targetId',
    allowed: (identity) => can(identity, 'aggregate'),
    component: lazy(() => import('../pages/plans/TargetPage.tsx')),
  },
  {
    path: '/bao-cao',
    label: 'Kỳ báo cáo',
    allowed: (identity) => can(identity, 'report:read'),
    component: lazy(() => import('../pages/reporting/ReportingPage.tsx')),
  },
  {
    path: '/nhap-lieu/can-do',
    label: 'Cân đo trẻ em',
    allowed: (identity) => can(identity, 'records:write', 'HEALTH'),
    component: lazy(() => import('../pages/entry/GrowthEntryPage.tsx')),
  },
  {
    path: '/nhap-lieu/so-lieu',
    label: 'Số liệu tổng hợp',
    allowed: (identity) => can(identity, 'figure:write', 'EDUCATION') || can(identity, 'figure:write', 'LDTBXH'),
    component: lazy(() => import('../pages/entry/FigureEntryPage.tsx')),
  },
  {
    path: '/chuyen-tuyen',
    label: 'Chuyển tuyến',
    allowed: (identity) => can(identity, 'referral'),
    component: lazy(() => import('../pages/entry/ReferralInboxPage.tsx')),
  },
  {
    path: '/nhap-ke-hoach',
    label: 'Nhập kế hoạch',
    allowed: (identity) => can(identity, 'plan:manage'),
    component: lazy(() => import('../pages/onboarding/OnboardingPage.tsx')),
  },
  {
    path: '/don-vi',
    label: 'Đơn vị hành chính',
    allowed: (identity) => can(identity, 'reference'),
    component: lazy(() => import('../pages/units/UnitsPage.tsx')),
  },
  {
    path: '/kham-pha',
    label: 'Trình khám phá GraphQL',
    allowed: (identity) => can(identity, 'reference'),
    component: lazy(() => import('../pages/explorer/ExplorerPage.tsx')),
  },
];

/** The first page of the navigation the person may open: where `/` and a new sign-in lead. */
export const homeOf = (identity: Identity) => PAGES.find((page) => page.label && page.allowed(identity))?.path ?? null;
