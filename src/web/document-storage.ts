/**
 * The storage port as the web layer hands it to the use cases that erase documents (SPEC DR-2:
 * 応募の取り消し, 選考結果). One place reads it from the request's dependencies, so the routes do
 * not each reach into Deps for it.
 */
import type { Context } from 'hono';
import type { DocumentStorage } from '../modules/applications/erase-documents.ts';
import type { AppEnv } from './env.ts';

export function documentStorage(c: Context<AppEnv>): DocumentStorage {
  return c.var.deps.storage;
}
