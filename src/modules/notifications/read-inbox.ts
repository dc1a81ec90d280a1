/**
 * メッセージ (SPEC MS-4): what a person reads of their inbox. Only the signed-in account's rows are
 * ever read; another account's message id is simply not found. Kinds are rendered by the web layer
 * from `kind` + `data` in the reader's language, so one row serves Hello Work's notices and, later,
 * employer threads (sender_kind 'employer', issue 12).
 */
import type { Ports } from '../../deps.ts';
import {
  countInbox,
  currentInboxSeq,
  type InboxMessage,
  listInboxPage,
  openInboxMessage,
} from './notifications.repository.ts';

export const INBOX_PAGE_SIZE = 20;

export interface InboxPage {
  messages: InboxMessage[];
  total: number;
  unread: number;
  /** The page shown (1-based, clamped to the pages there are). */
  page: number;
  pages: number;
}

export async function readInbox(
  deps: Ports<'db'>,
  accountId: string,
  requestedPage: number,
): Promise<InboxPage> {
  const { total, unread } = await countInbox(deps.db, accountId);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const messages = await listInboxPage(deps.db, accountId, {
    limit: INBOX_PAGE_SIZE,
    offset: (page - 1) * INBOX_PAGE_SIZE,
  });
  return { messages, total, unread, page, pages };
}

/** Opens one of the account's messages and marks it read; undefined when it is not theirs. */
export async function openMessage(
  deps: Ports<'db' | 'clock'>,
  accountId: string,
  id: string,
): Promise<InboxMessage | undefined> {
  return openInboxMessage(deps.db, accountId, id, deps.clock.now());
}

export async function unreadCount(deps: Ports<'db'>, accountId: string): Promise<number> {
  return (await countInbox(deps.db, accountId)).unread;
}

/**
 * Where the account's inbox stands now: the sequence number of its latest message (ADR 0018). A
 * page records it before it reads anything else, so its live stream sends whatever came later.
 */
export async function inboxCursor(deps: Ports<'db'>, accountId: string): Promise<number> {
  return currentInboxSeq(deps.db, accountId);
}
