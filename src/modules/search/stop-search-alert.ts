/**
 * AL-6: the mail's stop link, without signing in. The link carries the saved search's id and an
 * HMAC of it with the app's secret; a GET only shows what the link would stop (mail scanners
 * follow links), the confirming POST switches the alert off. A tampered, foreign or stale link
 * (the saved search deleted) is refused.
 */
import type { Ports } from '../../deps.ts';
import { findSavedSearch, switchAlertOff } from './alerts.repository.ts';
import { readAlertStopToken } from './alerts.rules.ts';

export type StopLink = { ok: true; id: string; name: string; on: boolean } | { ok: false };

export async function readStopLink(deps: Ports<'db' | 'secret'>, token: string): Promise<StopLink> {
  const id = readAlertStopToken(deps.secret, token);
  if (!id) return { ok: false };
  const search = await findSavedSearch(deps.db, id);
  if (!search) return { ok: false };
  return { ok: true, id, name: search.name, on: search.alertFrequency !== 'off' };
}

export async function stopSearchAlert(
  deps: Ports<'db' | 'secret'>,
  token: string,
): Promise<{ ok: true; name: string; stopped: boolean } | { ok: false }> {
  const link = await readStopLink(deps, token);
  if (!link.ok) return link;
  const stopped = await switchAlertOff(deps.db, link.id);
  return { ok: true, name: link.name, stopped };
}
