/**
 * 職業相談 (SPEC ST-1, MP-9): when a session may be recorded. Pure; dates are Tokyo calendar dates.
 * Extending the registration is registration.rules.ts's extendedValidUntil.
 */
import type { SeekerKind } from '../../domain/vocabulary.ts';
import type { LocalDate } from '../../platform/dates.ts';

export type CounsellingRefusal = 'internet_only';
export type CounsellingDateProblem = 'future' | 'before_registration';

/** Internet-only seekers are not registered at an office, so no office counselling is recorded for them. */
export function counsellingRefusal(seeker: { kind: SeekerKind }): CounsellingRefusal | undefined {
  return seeker.kind === 'internet' ? 'internet_only' : undefined;
}

/** A session is recorded after it was held: not in the future, and not before the 求職申込日. */
export function counsellingDateProblem(
  heldOn: LocalDate,
  seeker: { appliedOn: LocalDate },
  today: LocalDate,
): CounsellingDateProblem | undefined {
  if (heldOn > today) return 'future';
  if (heldOn < seeker.appliedOn) return 'before_registration';
  return undefined;
}
