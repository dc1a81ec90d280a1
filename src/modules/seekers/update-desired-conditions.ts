import { eq } from 'drizzle-orm';
import { seekers } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { DesiredConditions } from './seeker.types.ts';

/** MP-8: the seeker changes their 求職情報. */
export async function updateDesiredConditions(
  deps: Deps,
  seekerId: string,
  desired: DesiredConditions,
): Promise<void> {
  await deps.db.update(seekers).set({ desired, updatedAt: deps.clock.now() }).where(eq(seekers.id, seekerId));
}
