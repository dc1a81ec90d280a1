/**
 * Authorisation in one place: each portal mounts requireRole() for its role; ownership is enforced
 * by use cases and repositories that take the signed-in profile's id (a seeker's queries are
 * always scoped to c.var.auth.seeker.id). Pages for a session are never cached (pageCaching).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.ts';
import { mayChangeAsOffice } from '../../modules/offices/office-scope.rules.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../env.ts';
import type { Auth } from './session.ts';

export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.var.auth;
    if (!auth) throw new AppError('unauthenticated');
    if (auth.role !== role) throw new AppError('forbidden', `${auth.role} on ${role} route`);
    await next();
  };
}

/** The signed-in seeker's profile; guards guarantee the role, this guarantees the profile. */
export function seekerOf(c: Context<AppEnv>): NonNullable<Auth['seeker']> {
  const seeker = c.var.auth?.seeker;
  if (!seeker) throw new AppError('forbidden', 'no seeker profile');
  return seeker;
}

export function employerOf(c: Context<AppEnv>): NonNullable<Auth['employer']> {
  const employer = c.var.auth?.employer;
  if (!employer) throw new AppError('forbidden', 'no employer profile');
  return employer;
}

export function staffOf(c: Context<AppEnv>): NonNullable<Auth['staff']> {
  const staff = c.var.auth?.staff;
  if (!staff) throw new AppError('forbidden', 'no staff profile');
  return staff;
}

/**
 * Refuses (403) a change by staff of another office than the record's home office (管轄): every
 * office reads, only the home office changes (see office-scope.rules.ts).
 */
export function requireHomeOffice(c: Context<AppEnv>, homeOffice: string | null): void {
  const staff = staffOf(c);
  if (!mayChangeAsOffice(staff.officeCode, homeOffice)) {
    throw new AppError('forbidden', `office ${staff.officeCode} changing a record of ${homeOffice}`);
  }
}
