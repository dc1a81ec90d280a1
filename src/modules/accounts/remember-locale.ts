/**
 * The language a person uses is stored on their account (ADR 0013): at sign-in, at opening MyPage,
 * at internet signup and when they switch language while signed in. Their mails follow it.
 */
import type { Executor } from '../../db/client.ts';
import type { Locale } from '../../i18n/index.ts';
import { setAccountLocale } from '../notifications/notifications.repository.ts';

export async function rememberLocale(db: Executor, accountId: string, locale: Locale): Promise<void> {
  await setAccountLocale(db, accountId, locale);
}
