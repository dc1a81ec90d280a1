/**
 * The fan-out benchmark's people: `n` fully registered seekers of one office (MyPage opened,
 * registration valid and 有効), each signed in with a session written straight into the sessions
 * table, through the app's own repositories. Returns the session cookie values (the raw tokens).
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '../src/db/client.ts';
import { seedOffices } from '../src/demo/seed.ts';
import { insertAccount } from '../src/modules/accounts/accounts.repository.ts';
import { insertSession } from '../src/modules/accounts/sessions.repository.ts';
import { formatNumber, nextSerial } from '../src/modules/offices/offices.repository.ts';
import { registrationValidUntil } from '../src/modules/seekers/registration.rules.ts';
import { emptyDesiredConditions, emptyProfile } from '../src/modules/seekers/seeker.types.ts';
import { insertSeeker } from '../src/modules/seekers/seekers.repository.ts';
import { addDays, tokyoDate } from '../src/platform/dates.ts';
import { randomToken, sha256 } from '../src/platform/ids.ts';

export const FANOUT_OFFICE = '13010';

export async function seedFanoutSeekers(db: Executor, n: number, now = new Date()): Promise<string[]> {
  await seedOffices(db);
  const run = randomBytes(3).toString('hex');
  const appliedOn = addDays(tokyoDate(now), -5);
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const account = await insertAccount(db, {
      role: 'seeker',
      email: `fanout-${run}-${i}@example.jp`,
      // Never signed in with: the benchmark's sessions are written directly below.
      passwordHash: 'not-a-password-hash',
      openedAt: now,
      now,
    });
    await insertSeeker(db, {
      accountId: account.id,
      kind: 'registered',
      seekerNumber: formatNumber(FANOUT_OFFICE, await nextSerial(db, 'seeker', FANOUT_OFFICE)),
      officeCode: FANOUT_OFFICE,
      name: `配信 ${i}`,
      nameKana: 'ハイシン',
      birthDate: '1990-05-20',
      appliedOn,
      validUntil: registrationValidUntil(appliedOn),
      active: true,
      desired: emptyDesiredConditions(),
      profile: emptyProfile(),
      createdAt: now,
      updatedAt: now,
    });
    const token = randomToken();
    await insertSession(db, {
      id: sha256(token),
      accountId: account.id,
      role: 'seeker',
      now,
      ip: '127.0.0.1',
      userAgent: 'bench:fanout',
    });
    tokens.push(token);
  }
  return tokens;
}
