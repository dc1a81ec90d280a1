/**
 * ホーム: 「ハローワークからの求人情報」 (SPEC IP-1, MP-7; ADR 0017). The jobs of the latest 情報提供
 * messages, read back from the seeker's inbox; internet-only seekers see the MP-7 notice. Also
 * served alone at /mypage/fragments/home-information for the live-update script (ADR 0018).
 */
import { useRequestContext } from 'hono/jsx-renderer';
import { KINDS } from '../../modules/notifications/kinds.ts';
import { listInboxByKind } from '../../modules/notifications/notifications.repository.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { liveFragment } from './live-fragments.ts';

const HOME_MESSAGES = 3;

export async function HomeInformation({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const h = t.seeker.home;
  const i = t.information.home;
  if (seeker.kind !== 'registered') {
    return (
      <section class="panel" id="home-information-panel" aria-labelledby="home-information">
        <h2 id="home-information">{h.informationTitle}</h2>
        <Notice kind="info" title={h.unavailable}>
          <p>{h.unavailableReason}</p>
        </Notice>
      </section>
    );
  }
  const rows = await listInboxByKind(c.var.deps.db, seeker.accountId, 'information.jobs', HOME_MESSAGES);
  return (
    <section
      class="panel"
      id="home-information-panel"
      aria-labelledby="home-information"
      {...liveFragment('home-information', ['information.jobs'])}
    >
      <h2 id="home-information">{h.informationTitle}</h2>
      {rows.length === 0 ? (
        <p id="information-none">{h.informationNone}</p>
      ) : (
        <div id="home-information-jobs">
          <h3>{i.jobsTitle}</h3>
          {rows.map((m) => {
            const d = KINDS['information.jobs'].schema.safeParse(m.data);
            if (!d.success) return null;
            return (
              <article class="information-batch">
                <p class="muted">
                  {formatTokyoDateTime(m.createdAt)} · <a href={`/mypage/messages/${m.id}`}>{i.toMessages}</a>
                </p>
                <ul class="card-list">
                  {d.data.jobs.map((j) => (
                    <li class="job-card job-card--information">
                      <h4>{j.title}</h4>
                      <p>
                        {t.seeker.messages.jobNumber} {j.jobNumber}
                      </p>
                      <p class="actions">
                        <a class="button button--secondary" href={`/jobs/${j.jobNumber}`}>
                          {i.details}
                        </a>
                      </p>
                    </li>
                  ))}
                </ul>
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
