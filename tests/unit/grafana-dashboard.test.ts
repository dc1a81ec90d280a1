/**
 * docs/grafana-dashboard.json queries only metrics the app registers (issue 17, ADR 0028): every
 * hellowork_* name in a panel's expression or a variable's query exists in a fresh registry
 * (histograms by their _bucket, _sum and _count series).
 */
import { readFileSync } from 'node:fs';
import { Histogram } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createMetrics, METRIC_NAMES } from '../../src/platform/metrics.ts';

const dashboard = JSON.parse(
  readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as {
  panels: { title: string; targets: { expr: string }[] }[];
  templating: { list: { query?: unknown }[] };
};

function registeredSeries(): Set<string> {
  const metrics = createMetrics(createMemoryLogger(), { processMetrics: true });
  const names = new Set<string>();
  for (const m of metrics.registry.getMetricsAsArray()) {
    const { name } = m as unknown as { name: string };
    names.add(name);
    if (m instanceof Histogram) for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

const queried = () => {
  const texts = [
    ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ...dashboard.templating.list.map((v) => (typeof v.query === 'string' ? v.query : '')),
  ];
  return new Set(texts.flatMap((t) => t.match(/\bhellowork_[a-z0-9_]+/g) ?? []));
};

describe('issue 17 the Grafana dashboard', () => {
  it('issue 17 every metric the dashboard queries exists in the registry', () => {
    const registered = registeredSeries();
    const used = queried();
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !registered.has(name))).toEqual([]);
  });

  it('issue 17 every app metric has a panel', () => {
    const used = [...queried()].join(' ');
    for (const name of Object.values(METRIC_NAMES)) expect(used, name).toContain(name);
  });
});
