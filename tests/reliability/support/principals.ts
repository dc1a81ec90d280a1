/**
 * One signed-in person per portal with records of their own (a seeker's application to the
 * employer's job, the staff member's office), and `ids(name, pattern)` that fills route parameters
 * with those records (see routes.ts fillPath), so a request reaches a real handler on a real row.
 * Every password typed is a registered canary (G1).
 */
import {
  createApplication,
  createEmployer,
  createSeeker,
  createStaff,
  PASSWORD,
} from '../../support/factories.ts';
import type { TestClient } from '../../support/http.ts';
import { signInAs } from '../../support/sign-in.ts';
import type { TestContext } from '../../support/test-app.ts';
import { canary } from './context.ts';
import type { Portal } from './routes.ts';

export interface Principals {
  seeker: Awaited<ReturnType<typeof createSeeker>>;
  employer: Awaited<ReturnType<typeof createEmployer>>;
  staff: Awaited<ReturnType<typeof createStaff>>;
  application: Awaited<ReturnType<typeof createApplication>>;
  /** Route parameter values from the records above (undefined: use a placeholder). */
  ids(name: string, pattern: string): string | undefined;
  /** The e-mail addresses, names and ids that must never appear in a cookie or a log. */
  personal: string[];
}

export async function createPrincipals(ctx: TestContext): Promise<Principals> {
  // The factories' fixed password for employer and staff accounts is typed too: a canary as well.
  canary('password', PASSWORD);
  const seeker = await createSeeker(ctx.deps, { password: canary('password'), name: '信頼 花子' });
  const employer = await createEmployer(ctx.deps);
  const staff = await createStaff(ctx.deps);
  const application = await createApplication(ctx.deps, {
    seekerId: seeker.seeker.id,
    employer: employer.employer,
  });
  const ids = (name: string, pattern: string): string | undefined => {
    if (name === 'number') return application.job.jobNumber;
    if (name !== 'id') return undefined;
    if (/^\/(mypage|employer)\/applications\//.test(pattern)) return application.application.id;
    if (/^\/(employer|staff)\/jobs\//.test(pattern)) return String(application.job.id);
    if (pattern.startsWith('/staff/seekers/')) return seeker.seeker.id;
    if (pattern.startsWith('/staff/employers/')) return employer.employer.id;
    return undefined;
  };
  const personal = [
    seeker.email,
    seeker.email.split('@')[0]!,
    seeker.account.id,
    seeker.seeker.id,
    '信頼 花子',
    employer.email,
    employer.email.split('@')[0]!,
    employer.account!.id,
    employer.employer.id,
    staff.email,
    staff.email.split('@')[0]!,
    staff.account.id,
  ];
  if (seeker.seeker.seekerNumber) personal.push(seeker.seeker.seekerNumber);
  return { seeker, employer, staff, application, ids, personal };
}

/** A fresh client of each portal, signed in through the real form (session ids registered as canaries). */
export async function signedInClients(
  ctx: TestContext,
  p: Principals,
  ip = '203.0.113.30',
): Promise<Record<Portal, TestClient>> {
  const clients = { seeker: ctx.client(ip), employer: ctx.client(ip), staff: ctx.client(ip) };
  await signInAs(clients.seeker, 'seeker', p.seeker.email, p.seeker.password);
  await signInAs(clients.employer, 'employer', p.employer.email, p.employer.password);
  await signInAs(clients.staff, 'staff', p.staff.email, p.staff.password);
  for (const c of Object.values(clients)) {
    for (const [name, value] of c.cookies) if (name.endsWith('hw_session')) canary('session-id', value);
  }
  return clients;
}
