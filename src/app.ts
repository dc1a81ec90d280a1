/**
 * The composition root of the web app: middleware order and portals. Tests build it with their
 * own dependencies (in-memory PGlite, a captured mailbox, a fixed clock).
 */
import { Hono } from 'hono';
import type { Deps } from './deps.ts';
import { assetRoutes } from './web/assets.ts';
import { csrfMiddleware } from './web/auth/csrf.ts';
import { sessionMiddleware } from './web/auth/session.ts';
import { devMailRoutes } from './web/dev/mail.routes.tsx';
import type { AppEnv } from './web/env.ts';
import { errorHandler, notFoundHandler } from './web/errors.tsx';
import { locale, requestContext, securityHeaders } from './web/middleware.ts';
import { healthRoutes } from './web/public/health.routes.ts';
import { topRoutes } from './web/public/top.routes.tsx';

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(requestContext(deps));
  app.use(securityHeaders(deps.config.secure));
  app.route('/', healthRoutes);
  app.route('/assets', assetRoutes());

  app.use(locale());
  app.use(sessionMiddleware());
  app.use(csrfMiddleware());

  app.route('/', topRoutes);
  if (deps.config.env !== 'production') app.route('/dev/mail', devMailRoutes);

  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}
