/**
 * Recording a 職業相談 (SPEC ST-1) and its effect on the registration (MP-9): one transaction
 * inserts the session and, when it was held in the registration's final month, extends the end
 * date by one month. The seeker row is locked so two recordings cannot both extend from the same date.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { extendedValidUntil } from '../seekers/registration.rules.ts';
import { lockSeeker } from '../seekers/seekers-admin.repository.ts';
import { changeValidUntil } from '../seekers/validity.repository.ts';
import { insertCounselling } from './counselling.repository.ts';
import {
  type CounsellingDateProblem,
  type CounsellingRefusal,
  counsellingDateProblem,
  counsellingRefusal,
} from './counselling.rules.ts';
import type { CounsellingInput } from './counselling.schemas.ts';

export type RecordCounsellingResult =
  | { ok: true; extendedTo?: string }
  | { ok: false; refusal: CounsellingRefusal }
  | { ok: false; field: 'heldOn'; problem: CounsellingDateProblem };

export async function recordCounselling(
  deps: Ports<'db' | 'clock'>,
  req: { seekerId: string; staffId: string; staffAccountId: string; data: CounsellingInput },
): Promise<RecordCounsellingResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const today = tokyoDate(now);
  return db.transaction(async (tx) => {
    const seeker = await lockSeeker(tx, req.seekerId);
    if (!seeker) throw new AppError('not_found', 'seeker');
    const refusal = counsellingRefusal(seeker);
    if (refusal) return { ok: false as const, refusal };
    const problem = counsellingDateProblem(req.data.heldOn, seeker, today);
    if (problem) return { ok: false as const, field: 'heldOn' as const, problem };
    const session = await insertCounselling(tx, {
      seekerId: seeker.id,
      staffId: req.staffId,
      heldOn: req.data.heldOn,
      desiredConditions: req.data.desiredConditions,
      notes: req.data.notes,
      now,
    });
    const validUntil = extendedValidUntil(seeker.validUntil, req.data.heldOn, today);
    if (validUntil === seeker.validUntil) return { ok: true as const };
    await changeValidUntil(tx, {
      seekerId: seeker.id,
      from: seeker.validUntil,
      to: validUntil,
      cause: 'counselling',
      sourceId: session.id,
      byAccountId: req.staffAccountId,
      now,
    });
    return { ok: true as const, extendedTo: validUntil };
  });
}
