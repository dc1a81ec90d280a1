import type { Child } from 'hono/jsx';

/** A definition list of label/value rows (registered details, job fields …). Empty values show as ―. */
export function SummaryList({ rows, id }: { rows: [string, Child][]; id?: string }) {
  return (
    <dl class="summary-list" id={id}>
      {rows.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? '―' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
