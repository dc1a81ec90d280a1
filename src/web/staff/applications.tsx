/**
 * Staff console: the seeker's applications on the staff seeker page (SPEC EM-3, ST-2, CX, DR-2;
 * ADR 0022) — what happened to what was sent: 応募中, 取消 with its reason, 採用/不採用 with the
 * 「求人票の労働条件と採用条件の相違」, and whether the documents were erased. Read-only; every office
 * reads (ADR 0014).
 */
import { useRequestContext } from 'hono/jsx-renderer';
import { listApplicationsForStaff } from '../../modules/applications/applications.repository.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { erasureRow } from '../components/application-parts.tsx';
import type { AppEnv } from '../env.ts';

const LIMIT = 50;

export async function SeekerApplications({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const a = t.applying;
  const s = a.staff;
  const rows = await listApplicationsForStaff(c.var.deps.db, seeker.id, LIMIT);
  return (
    <section class="panel" aria-labelledby="seeker-applications">
      <h2 id="seeker-applications">{s.title}</h2>
      <p>{s.lead}</p>
      {rows.length === 0 ? (
        <p id="applications-none">{s.none}</p>
      ) : (
        <div class="table-wrap">
          <table id="staff-applications">
            <caption class="visually-hidden">{s.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.appliedAt}</th>
                <th scope="col">{s.jobNumber}</th>
                <th scope="col">{s.occupation}</th>
                <th scope="col">{s.employer}</th>
                <th scope="col">{s.route}</th>
                <th scope="col">{s.state}</th>
                <th scope="col">{s.conditions}</th>
                <th scope="col">{s.documents}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const app = r.application;
                const when = app.decidedAt ?? app.cancelledAt;
                const state = when
                  ? s.resultOn(a.state[app.state], formatTokyoDateTime(when))
                  : a.state[app.state];
                const differ =
                  app.conditionsDiffer === null
                    ? '―'
                    : `${a.result.conditionsValues[app.conditionsDiffer ? 'yes' : 'no']}${app.conditionsNote ? `（${app.conditionsNote}）` : ''}`;
                return (
                  <tr>
                    <td>{formatTokyoDateTime(app.appliedAt)}</td>
                    <td>
                      <a href={`/staff/jobs/${r.job.id}`}>{r.job.jobNumber}</a>
                    </td>
                    <td>{r.job.title}</td>
                    <td>{r.employerName}</td>
                    <td>{a.route[app.route]}</td>
                    <td>
                      {state}
                      {app.cancelReason ? `${t.common.colon}${a.cancel.reasons[app.cancelReason]}` : ''}
                    </td>
                    <td>{differ}</td>
                    <td>{erasureRow(c, app, r.job.closedOn)?.[1] ?? s.byOtherMeans}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
