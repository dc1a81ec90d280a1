/** The frame shared by the staff lists (求職者, 事業所): register button, search box, count and table. */
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { Button, ButtonLink, TextField } from '../components/form.tsx';
import type { AppEnv } from '../env.ts';

/** Rows shown at most; the count says when there are more. */
export const LIST_LIMIT = 50;

export interface StaffListProps {
  title: string;
  /** Where the list lives (the search form's action) and where 「登録」 goes. */
  path: string;
  registerLabel: string;
  searchLabel: string;
  searchHint: string;
  query: string;
  /** Rows found (possibly more than LIST_LIMIT; only the first LIST_LIMIT are given in `rows`). */
  found: number;
  emptyText: string;
  noMatchText: string;
  caption: string;
  tableId: string;
  columns: string[];
  /** One <tr> per row, cells in the order of `columns`. */
  rows: Child[];
}

export function StaffList(p: StaffListProps) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{p.title}</h1>
      <p>
        <ButtonLink href={`${p.path}/new`} variant="primary">
          {p.registerLabel}
        </ButtonLink>
      </p>
      <search>
        <form method="get" action={p.path} class="form">
          <TextField
            name="q"
            type="search"
            label={p.searchLabel}
            hint={p.searchHint}
            value={p.query}
            maxLength={100}
          />
          <div class="actions">
            <Button variant="secondary">{t.staff.list.searchButton}</Button>
            {p.query ? <a href={p.path}>{t.staff.list.clear}</a> : null}
          </div>
        </form>
      </search>
      {p.rows.length === 0 ? (
        <p>{p.query ? p.noMatchText : p.emptyText}</p>
      ) : (
        <>
          <p aria-live="polite">
            {p.found > LIST_LIMIT ? t.staff.list.truncated(LIST_LIMIT) : t.staff.list.count(p.found)}
          </p>
          <div class="table-wrap">
            <table id={p.tableId}>
              <caption class="visually-hidden">{p.caption}</caption>
              <thead>
                <tr>
                  {p.columns.map((col) => (
                    <th scope="col">{col}</th>
                  ))}
                </tr>
              </thead>
              <tbody>{p.rows}</tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
