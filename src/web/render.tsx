import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { RequestContext } from 'hono/jsx-renderer';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { messages } from '../i18n/index.ts';
import type { AppEnv, PageProps } from './env.ts';
import { markJapanese } from './language-of-parts.ts';
import { Layout } from './layout/layout.tsx';
import { labelTableCells } from './stack-tables.ts';

/** What every rendered page or fragment gets: labelled table cells; Japanese content marked on an English page. */
function finish(c: Context<AppEnv>, html: string): string {
  const labelled = labelTableCells(html);
  return c.var.locale === 'en' ? markJapanese(labelled) : labelled;
}

/**
 * Renders a full page (DOCTYPE + layout) for this request. Works at any point of the request,
 * including the error handler before the locale or session middleware ran.
 */
export async function page(
  c: Context<AppEnv>,
  props: PageProps,
  content: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  if (!c.var.t) {
    c.set('locale', 'ja');
    c.set('t', messages('ja'));
  }
  if (c.var.auth === undefined) c.set('auth', null);
  const tree = (
    <RequestContext.Provider value={c}>
      <Layout {...props}>{content}</Layout>
    </RequestContext.Provider>
  );
  return c.html(`<!DOCTYPE html>${finish(c, await tree.toString())}`, status);
}

/**
 * Renders one component alone, without the layout (the fragments the live-update script swaps in,
 * ADR 0018): the same component and request context as on the full page, so there is one rendering.
 */
export async function fragment(c: Context<AppEnv>, content: Child): Promise<Response> {
  const tree = <RequestContext.Provider value={c}>{content}</RequestContext.Provider>;
  return c.html(finish(c, await tree.toString()));
}
