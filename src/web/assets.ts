import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const require = createRequire(import.meta.url);
const here = (file: string) => fileURLToPath(new URL(`./assets/${file}`, import.meta.url));

/** Static assets, read once at start. Small and few, so memory is the simplest cache. */
export function assetRoutes(): Hono<AppEnv> {
  const files: Record<string, { body: string; type: string }> = {
    'tokens.css': {
      body: readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'), 'utf8'),
      type: 'text/css; charset=utf-8',
    },
    'app.css': { body: readFileSync(here('app.css'), 'utf8'), type: 'text/css; charset=utf-8' },
    'app.js': { body: readFileSync(here('app.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
  };
  const app = new Hono<AppEnv>();
  app.get('/:file', (c) => {
    const file = files[c.req.param('file')];
    if (!file) return c.notFound();
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(file.body);
  });
  return app;
}
