/**
 * Tables of the staff and employer lists become stacked rows on a narrow screen (issue 14): every
 * body cell of a rendered list carries its column's name (src/web/stack-tables.ts), which app.css
 * shows before the cell below 40rem. The 390 px layout is checked in the e2e phone journey.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication, createEmployer, createSeeker, createStaff } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** Each body cell's data-label, row by row, and the table's column headers. */
function labels(page: Page, selector: string) {
  const table = page.dom.querySelector(selector);
  if (!table) throw new Error(`no table ${selector}`);
  const headers = table.querySelectorAll('thead th').map((th) => th.textContent.trim());
  const rows = table
    .querySelectorAll('tbody tr')
    .map((tr) => tr.querySelectorAll('td, th').map((cell) => cell.getAttribute('data-label')));
  return { headers, rows };
}

describe('stacked tables on narrow screens', () => {
  it('the staff 求職者 list: each cell is labelled with its own column, in order', async () => {
    const staff = await createStaff(ctx.deps);
    await createSeeker(ctx.deps, { name: '山田　花子' });
    await createSeeker(ctx.deps, { name: '佐藤　一郎' });
    const client = ctx.client();
    await signInAs(client, 'staff', staff.email, staff.password);
    const { headers, rows } = labels(await client.get('/staff/seekers'), 'table#seekers');
    expect(headers.length).toBeGreaterThan(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toEqual(headers);
  });

  it('the employer’s 応募者一覧: each cell is labelled with its own column, in order', async () => {
    const employer = await createEmployer(ctx.deps);
    const seeker = await createSeeker(ctx.deps);
    await createApplication(ctx.deps, { seekerId: seeker.seeker.id, employer: employer.employer });
    const client = ctx.client();
    await signInAs(client, 'employer', employer.email, employer.password);
    const { headers, rows } = labels(
      await client.get('/employer/applications'),
      'table#employer-applications',
    );
    expect(headers).toContain('応募日時');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(headers);
  });
});
