import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { messages } from '../i18n/index.ts';
import { type AppError, isAppError } from '../platform/errors.ts';
import type { AppEnv, Portal } from './env.ts';
import { page } from './render.tsx';

function portalOf(path: string): Portal {
  if (path.startsWith('/employer')) return 'employer';
  if (path.startsWith('/staff')) return 'staff';
  if (path.startsWith('/mypage')) return 'seeker';
  return 'public';
}

const loginPathOf: Record<Portal, string> = {
  public: '/login',
  seeker: '/login',
  employer: '/employer/login',
  staff: '/staff/login',
};

function ErrorContent({ title, body, requestId }: { title: string; body: string; requestId?: string }) {
  const c = useRequestContext<AppEnv>();
  return (
    <>
      <h1>{title}</h1>
      <p>{body}</p>
      {requestId ? <p class="request-id">{requestId}</p> : null}
      <p>
        <a href="/">{c.var.t.errors.backToTop}</a>
      </p>
    </>
  );
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => {
  const t = c.var.t ?? messages('ja');
  return page(
    c,
    { title: t.errors.notFoundTitle, portal: portalOf(c.req.path) },
    <ErrorContent title={t.errors.notFoundTitle} body={t.errors.notFoundBody} />,
    404,
  );
};

export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  const t = c.var.t ?? messages('ja');
  const log = c.var.log;
  const portal = portalOf(c.req.path);
  if (isAppError(error)) {
    if (error.code === 'unauthenticated') {
      const next = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : '';
      const params = new URLSearchParams();
      if (next) params.set('next', next);
      if (c.var.endedSession) params.set('timeout', '1');
      if (c.var.formKept) params.set('kept', '1');
      const query = params.toString();
      return c.redirect(`${loginPathOf[portal]}${query ? `?${query}` : ''}`, 303);
    }
    log?.warn('request refused', { code: error.code, reason: error.message });
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    const [title, body] = texts(error, c);
    return page(
      c,
      { title, portal },
      <ErrorContent title={title} body={body} />,
      error.status as ContentfulStatusCode,
    );
  }
  if (isDatabaseUnavailable(error)) {
    // The database is down or failing over (ADR 0030): a calm page, and the browser may try again.
    log?.warn('database unavailable', { reason: (error as Error).message });
    c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return page(
      c,
      { title: t.errors.databaseUnavailableTitle, portal },
      <ErrorContent title={t.errors.databaseUnavailableTitle} body={t.errors.databaseUnavailableBody} />,
      503,
    );
  }
  const requestId = c.var.requestId ?? 'unknown';
  (log ?? console).error('unhandled error', { error });
  return page(
    c,
    { title: t.errors.serverErrorTitle, portal },
    <ErrorContent
      title={t.errors.serverErrorTitle}
      body={t.errors.serverErrorBody}
      requestId={t.errors.requestId(requestId)}
    />,
    500,
  );
};

function texts(error: AppError, c: Context<AppEnv>): [string, string] {
  const e = (c.var.t ?? messages('ja')).errors;
  switch (error.code) {
    case 'not_found':
      return [e.notFoundTitle, e.notFoundBody];
    case 'forbidden':
      return [e.forbiddenTitle, e.forbiddenBody];
    case 'csrf':
      return [e.csrfTitle, e.csrfBody];
    case 'rate_limited':
      return [e.rateLimitedTitle, e.rateLimitedBody];
    case 'payload_too_large':
      return [e.tooLargeTitle, e.tooLargeBody];
    case 'unavailable':
      return [e.unavailableTitle, e.unavailableBody];
    default:
      return [e.badRequestTitle, e.badRequestBody];
  }
}
