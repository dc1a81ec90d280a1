/** /api: the human guide to the open job data API (issue 16, ADR 0027), in the visitor's language. */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';

function ApiGuide() {
  const { t, deps } = useRequestContext<AppEnv>().var;
  const o = t.opendata;
  const example = `curl -H 'If-None-Match: "…"' '${deps.config.baseUrl}/api/v1/jobs?kw=%E4%BB%8B%E8%AD%B7&pref=13&per=10'`;
  return (
    <>
      <h1>{o.title}</h1>
      <p>{o.lead}</p>
      <section aria-labelledby="api-endpoints">
        <h2 id="api-endpoints">{o.endpointsTitle}</h2>
        <dl class="summary-list">
          {o.endpoints.map((e) => (
            <div>
              <dt>
                <code>{e.path}</code>
              </dt>
              <dd>{e.text}</dd>
            </div>
          ))}
        </dl>
        <p>
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        </p>
      </section>
      <section aria-labelledby="api-rules">
        <h2 id="api-rules">{o.rulesTitle}</h2>
        <ul>
          {o.rules.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="api-example">
        <h2 id="api-example">{o.exampleTitle}</h2>
        <pre>
          <code>{example}</code>
        </pre>
      </section>
      <section aria-labelledby="api-sitemap">
        <h2 id="api-sitemap">{o.sitemapTitle}</h2>
        <p>
          {o.sitemap} <a href="/sitemap.xml">/sitemap.xml</a>
        </p>
      </section>
    </>
  );
}

export function apiDocsRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/api', (c) => page(c, { title: c.var.t.opendata.title }, <ApiGuide />));
}
