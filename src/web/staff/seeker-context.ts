/**
 * What every staff page about one seeker needs: the seeker from the route (404 when unknown), the
 * home-office check before a change (ADR 0014), the seeker's address and the breadcrumb trail.
 * Shared by the seeker page, オンライン紹介, 情報提供 and お知らせ.
 */
import type { Context } from 'hono';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { findSeekerForStaff } from '../../modules/seekers/seekers-admin.repository.ts';
import { AppError } from '../../platform/errors.ts';
import { requireHomeOffice } from '../auth/guards.ts';
import type { AppEnv } from '../env.ts';

export type SeekerRow = NonNullable<Awaited<ReturnType<typeof findSeekerForStaff>>>;

export const seekerPath = (id: string) => `/staff/seekers/${id}`;

/** The seeker named by the route's :id; the 404 page when there is none. */
export async function loadSeeker(c: Context<AppEnv>): Promise<SeekerRow> {
  const row = await findSeekerForStaff(c.var.deps.db, c.req.param('id') ?? '');
  if (!row) throw new AppError('not_found', 'seeker');
  return row;
}

/** A seeker to change or to send something to: only their home office may (403 otherwise). */
export async function loadSeekerToChange(c: Context<AppEnv>): Promise<SeekerRow> {
  const row = await loadSeeker(c);
  requireHomeOffice(c, row.seeker.officeCode);
  return row;
}

/** 職員トップ › 求職者 › (the seeker) › the current step. */
export function seekerStepCrumbs(c: Context<AppEnv>, seeker: Seeker, current: string) {
  const t = c.var.t;
  return [
    { label: t.nav.staffHome, href: '/staff' },
    { label: t.staff.seekers.listTitle, href: '/staff/seekers' },
    { label: seeker.name, href: seekerPath(seeker.id) },
    { label: current },
  ];
}
