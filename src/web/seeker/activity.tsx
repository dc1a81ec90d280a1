/**
 * 求職活動状況 (SPEC OR-5, AL): a small hub at /mypage/activity with one section per record —
 * 応募中求人一覧 (filled by the applying issue) and 過去のオンラインハローワーク紹介対象求人, the targets
 * that are no longer live (期限切れ · 取下げ · 辞退 · 応募済), newest first, whose full list is paged at
 * /mypage/activity/referrals. Each row opens the target's page (referral-detail.tsx) as history.
 * Internet-only seekers get the MP-7 notice instead of the referral history.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { countSeekerApplications } from '../../modules/applications/applications.repository.ts';
import {
  type ReferralHistoryPage,
  readReferralHistory,
} from '../../modules/referrals/read-referral-history.ts';
import { findSeeker } from '../../modules/seekers/seekers.repository.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { seekerOf } from '../auth/guards.ts';
import { Notice } from '../components/notice.tsx';
import { Pagination, pageNumber } from '../components/pagination.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';

/** Rows of the history shown on the hub itself; the rest is one link away. */
const HUB_ROWS = 5;

async function loadSeeker(c: Context<AppEnv>) {
  const seeker = await findSeeker(c.var.deps.db, seekerOf(c).id);
  if (!seeker) throw new AppError('not_found', 'seeker');
  return seeker;
}

function Unavailable() {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <Notice kind="info" title={t.seeker.home.unavailable}>
      <p>{t.seeker.home.unavailableReason}</p>
    </Notice>
  );
}

function HistoryTable({ history }: { history: ReferralHistoryPage }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.seeker.activity;
  return (
    <div class="table-wrap">
      <table id="referral-history">
        <caption class="visually-hidden">{a.referralsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.columns.sentOn}</th>
            <th scope="col">{a.columns.jobNumber}</th>
            <th scope="col">{a.columns.title}</th>
            <th scope="col">{a.columns.applyBy}</th>
            <th scope="col">{a.columns.state}</th>
          </tr>
        </thead>
        <tbody>
          {history.rows.map((r) => (
            <tr>
              <td>{t.common.date(tokyoDate(r.sentAt))}</td>
              <td>{r.job.jobNumber}</td>
              <td>
                <a href={`/mypage/referrals/${r.id}`}>{r.job.title}</a>
              </td>
              <td>{t.common.date(r.applyBy)}</td>
              <td>{t.referrals.state[r.shownState]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerActivityRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/activity', async (c) => {
      const seeker = await loadSeeker(c);
      const a = c.var.t.seeker.activity;
      const registered = seeker.kind === 'registered';
      const history = registered ? await readReferralHistory(c.var.deps, seeker.id, 1, HUB_ROWS) : undefined;
      const applications = await countSeekerApplications(c.var.deps.db, seeker.id);
      return page(
        c,
        { title: a.title, portal: 'seeker' },
        <>
          <h1>{a.title}</h1>
          <p>{a.lead}</p>
          <section class="panel" aria-labelledby="activity-applications" id="activity-applications-section">
            <h2 id="activity-applications">{a.applicationsTitle}</h2>
            <p>
              {applications === 0 ? (
                <span id="activity-applications-none">{c.var.t.applying.list.empty}</span>
              ) : (
                <a href="/mypage/activity/applications" id="activity-applications-link">
                  {c.var.t.applying.list.title}（{applications}）
                </a>
              )}
            </p>
          </section>
          <section class="panel" aria-labelledby="activity-referrals" id="activity-referrals-section">
            <h2 id="activity-referrals">{a.referralsTitle}</h2>
            {!history ? (
              <Unavailable />
            ) : history.total === 0 ? (
              <p id="referral-history-none">{a.referralsNone}</p>
            ) : (
              <>
                <p>{a.referralsLead}</p>
                <HistoryTable history={history} />
                <p>
                  <a href="/mypage/activity/referrals" id="referral-history-all">
                    {a.referralsAll(history.total)}
                  </a>
                </p>
              </>
            )}
          </section>
        </>,
      );
    })
    .get('/activity/referrals', async (c) => {
      const seeker = await loadSeeker(c);
      const t = c.var.t;
      const a = t.seeker.activity;
      const crumbs = [{ label: a.title, href: '/mypage/activity' }, { label: a.referralsTitle }];
      const registered = seeker.kind === 'registered';
      const history = registered
        ? await readReferralHistory(c.var.deps, seeker.id, pageNumber(c.req.query('page')))
        : undefined;
      return page(
        c,
        { title: a.referralsTitle, portal: 'seeker', breadcrumbs: crumbs },
        <>
          <h1>{a.referralsTitle}</h1>
          {!history ? (
            <Unavailable />
          ) : history.total === 0 ? (
            <p id="referral-history-none">{a.referralsNone}</p>
          ) : (
            <>
              <p>{a.referralsLead}</p>
              <p id="referral-history-count">{a.referralsCount(history.total)}</p>
              <HistoryTable history={history} />
              <Pagination
                id="referral-history-pages"
                current={history.page}
                pages={history.pages}
                href={(n) =>
                  n === 1 ? '/mypage/activity/referrals' : `/mypage/activity/referrals?page=${n}`
                }
                labels={{ nav: a.pagination, prev: a.prev, next: a.next, pageN: a.pageN }}
              />
            </>
          )}
          <p>
            <a href="/mypage/activity">{a.backToActivity}</a>
          </p>
        </>,
      );
    });
}
