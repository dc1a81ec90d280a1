import type { Ports } from '../../deps.ts';
import type { DesiredConditions } from './seeker.types.ts';
import { updateSeekerDesired } from './seekers.repository.ts';

/** MP-8: the seeker changes their 求職情報. */
export async function updateDesiredConditions(
  deps: Ports<'db' | 'clock'>,
  seekerId: string,
  desired: DesiredConditions,
): Promise<void> {
  await updateSeekerDesired(deps.db, seekerId, desired, deps.clock.now());
}
