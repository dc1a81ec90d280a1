/**
 * The ceiling `npm run bench:http` measures the app's pages against (issue 13): a bare Hono +
 * hono/jsx page of about the size of a results page, rendered from memory on every request — no
 * database, no session, no middleware. Whatever a real page costs beyond this is the app's own
 * work. Started as a child process (PORT), like the app's server.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const cards = Array.from({ length: 30 }, (_, i) => ({
  title: `介護職員（正社員）${i + 1}`,
  rows: Array.from({ length: 14 }, (_, j) => [`項目${j + 1}`, `値${'あ'.repeat(j === 8 ? 120 : 8)}`]),
}));

function Page() {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>求人検索</title>
      </head>
      <body>
        <main>
          {cards.map((c) => (
            <article>
              <h3>
                <a href="/jobs/x">{c.title}</a>
              </h3>
              <dl>
                {c.rows.map(([k, v]) => (
                  <div>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            </article>
          ))}
        </main>
      </body>
    </html>
  );
}

const app = new Hono().get('/', (c) => c.html(<Page />)).get('/healthz', (c) => c.text('ok'));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
