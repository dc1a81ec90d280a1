/**
 * The composition root of the web app: middleware order and portals. Tests build it with their
 * own dependencies (in-memory PGlite, a captured mailbox, a fixed clock).
 */
import { Hono } from 'hono';
import type { Deps } from './deps.ts';
import { apiRoutes } from './web/api/api.routes.ts';
import { assetRoutes, faviconRoute } from './web/assets.ts';
import { csrfMiddleware } from './web/auth/csrf.ts';
import { sessionMiddleware } from './web/auth/session.ts';
import { bodyReader } from './web/body.ts';
import { compression } from './web/compression.ts';
import { devMailRoutes } from './web/dev/mail.routes.tsx';
import { employerPortal } from './web/employer/employer.routes.tsx';
import { employerLiveRoutes } from './web/employer/employer-messages.tsx';
import type { AppEnv } from './web/env.ts';
import { errorHandler, notFoundHandler } from './web/errors.tsx';
import { metricsRoutes, requestMetrics } from './web/metrics.routes.ts';
import {
  easyJapaneseOutput,
  inFlight,
  locale,
  pageCaching,
  requestContext,
  securityHeaders,
} from './web/middleware.ts';
import { alertStopRoutes } from './web/public/alert-stop.routes.tsx';
import { apiDocsRoutes } from './web/public/api-docs.routes.tsx';
import { healthRoutes } from './web/public/health.routes.ts';
import { jobDetailRoutes } from './web/public/job-detail.routes.tsx';
import { keptFormCleanup, keptFormRoutes } from './web/public/kept-form.routes.tsx';
import { loginRoutes, logoutRoutes } from './web/public/login.routes.tsx';
import { openingRoutes } from './web/public/open.routes.tsx';
import { passwordResetRoutes } from './web/public/password-reset.routes.tsx';
import { searchRoutes } from './web/public/search.routes.tsx';
import { signupRoutes } from './web/public/signup.routes.tsx';
import { sitemapRoutes } from './web/public/sitemap.routes.ts';
import { topRoutes } from './web/public/top.routes.tsx';
import { APPLY_UPLOAD_PATHS } from './web/seeker/apply.tsx';
import { seekerLiveRoutes } from './web/seeker/live.routes.tsx';
import { seekerPortal } from './web/seeker/seeker.routes.tsx';
import { staffPortal } from './web/staff/staff.routes.tsx';

/** Routes whose multipart body streams to their own upload parser: the apply form (AP-2). */
const UPLOAD_PATHS: readonly RegExp[] = APPLY_UPLOAD_PATHS;
const isUploadPath = (path: string) => UPLOAD_PATHS.some((p) => p.test(path));

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(inFlight(deps.lifecycle));
  app.use(requestMetrics(deps));
  app.use(requestContext(deps));
  // Outside everything that writes the body (the やさしい日本語 ruby pass included), so it sees the final bytes.
  app.use(compression());
  app.use(securityHeaders(deps.config.secure));
  app.route('/', healthRoutes);
  // /metrics on the main port only with METRICS_TOKEN, or openly outside production (ADR 0028).
  if (deps.config.metrics.onMainPort) app.route('/', metricsRoutes());
  app.route('/assets', assetRoutes());
  app.route('/', faviconRoute());
  // Open job data (ADR 0027): no session, no cookies, no body; its own JSON errors.
  app.route('/api/v1', apiRoutes());
  app.route('/', sitemapRoutes());

  // One way in: every body is read here, within its limit, before any route (src/web/body.ts).
  app.use(bodyReader({ limitBytes: deps.config.bodyLimitBytes, streamed: isUploadPath }));
  app.use(locale());
  app.use(easyJapaneseOutput());
  app.use(sessionMiddleware());
  app.use(pageCaching());
  app.use(csrfMiddleware());
  app.use(keptFormCleanup());

  app.route('/', topRoutes);
  app.route('/', loginRoutes('seeker'));
  app.route('/', loginRoutes('employer'));
  app.route('/', loginRoutes('staff'));
  app.route('/', logoutRoutes);
  app.route('/', keptFormRoutes());
  app.route('/', openingRoutes('seeker'));
  app.route('/', openingRoutes('employer'));
  app.route('/', passwordResetRoutes('seeker'));
  app.route('/', passwordResetRoutes('employer'));
  app.route('/', signupRoutes());
  app.route('/jobs', searchRoutes());
  app.route('/jobs', jobDetailRoutes());
  app.route('/alerts', alertStopRoutes());
  app.route('/', apiDocsRoutes());

  // Portals: each guarded by its role. Registered after the public routes above, which share
  // their prefixes (/mypage/open, /employer/login …) and answer first.
  // The live stream and its fragments answer 401, not the sign-in redirect, without a session.
  app.route('/mypage', seekerLiveRoutes());
  app.route('/mypage', seekerPortal());
  app.route('/employer', employerLiveRoutes());
  app.route('/employer', employerPortal());
  app.route('/staff', staffPortal());
  if (deps.config.env !== 'production') app.route('/dev/mail', devMailRoutes);

  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}

/**
 * The metrics listener (METRICS_PORT): /metrics, /healthz and /readyz only, for web servers and for
 * the worker, which has no other HTTP. ADR 0028.
 */
export function createOpsApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext(deps));
  app.route('/', healthRoutes);
  app.route('/', metricsRoutes());
  app.notFound((c) => c.text('not found\n', 404));
  app.onError((error, c) => {
    c.var.log?.error('metrics listener error', { error });
    return c.text('error\n', 500);
  });
  return app;
}
