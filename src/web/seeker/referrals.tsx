/**
 * MyPage: オンラインハローワーク紹介対象求人 (SPEC OR-3, OR-4, OR-5, MP-7; ADR 0016). ホーム shows the
 * seed's sentence with the newest live target as a job card, and 「対象求人全て表示」 lists every live
 * one; 「詳細を表示」 opens the target's own page (referral-detail.tsx). "Live" is decided in the query with the clock (listLiveReferrals): a target past its
 * 応募期限日 (Asia/Tokyo) or whose job was withdrawn or became 無効 is never read, not merely hidden.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { toJobCardView } from '../../modules/jobs/job-view.ts';
import { countLiveReferrals, listLiveReferrals } from '../../modules/referrals/referrals.repository.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { findSeeker } from '../../modules/seekers/seekers.repository.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { seekerOf } from '../auth/guards.ts';
import { ButtonLink } from '../components/form.tsx';
import { JobCard } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { page } from '../render.tsx';
import { liveFragment } from './live-fragments.ts';

type LiveRow = Awaited<ReturnType<typeof listLiveReferrals>>[number];

function ReferralCard({ row }: { row: LiveRow }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const r = t.referrals.seeker;
  const today = tokyoDate(c.var.deps.clock.now());
  const view = toJobCardView(row.job, row.employerName, today, 'referral_target');
  const href = `/mypage/referrals/${row.id}`;
  return (
    <JobCard
      job={view}
      href={href}
      extraRows={[[r.applyBy, <strong class="apply-by">{t.common.date(row.applyBy)}</strong>]]}
    >
      <p class="actions">
        <ButtonLink href={href}>{r.details}</ButtonLink>
      </p>
    </JobCard>
  );
}

/** The seed's notes on 応募期限日 (OR-4); also the 「こちら」 of the target page's apply sentence. */
export function Notes() {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <ul class="muted" id="referral-notes">
      {t.referrals.seeker.notes.map((n) => (
        <li>{n}</li>
      ))}
    </ul>
  );
}

/**
 * The ホーム panel: the seed's sentence and the newest live target, or the MP-7 notice. Also served
 * alone at /mypage/fragments/home-referrals, which the live-update script swaps in (ADR 0018).
 */
export async function HomeReferrals({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const h = t.seeker.home;
  const r = t.referrals.seeker;
  if (seeker.kind !== 'registered') {
    return (
      <section class="panel" id="home-referrals-panel" aria-labelledby="home-referrals">
        <h2 id="home-referrals">{h.referralsTitle}</h2>
        <Notice kind="info" title={h.unavailable}>
          <p>{h.unavailableReason}</p>
        </Notice>
      </section>
    );
  }
  const today = tokyoDate(c.var.deps.clock.now());
  const [count, newest] = await Promise.all([
    countLiveReferrals(c.var.deps.db, seeker.id, today),
    listLiveReferrals(c.var.deps.db, seeker.id, today, 1),
  ]);
  return (
    <section
      class="panel"
      id="home-referrals-panel"
      aria-labelledby="home-referrals"
      {...liveFragment('home-referrals', ['referral.sent'])}
    >
      <h2 id="home-referrals">{h.referralsTitle}</h2>
      {count === 0 || !newest[0] ? (
        <p id="referrals-none">{h.referralsNone}</p>
      ) : (
        <>
          <p id="referrals-sentence">{r.sentence(count)}</p>
          <p>
            <a href="/mypage/referrals" id="referrals-all">
              {r.showAll}
            </a>
          </p>
          <ReferralCard row={newest[0]} />
          <Notes />
        </>
      )}
    </section>
  );
}

async function loadSeeker(c: Context<AppEnv>) {
  const seeker = await findSeeker(c.var.deps.db, seekerOf(c).id);
  if (!seeker) throw new AppError('not_found', 'seeker');
  return seeker;
}

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerReferralRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/referrals', async (c) => {
    const seeker = await loadSeeker(c);
    const t = c.var.t;
    const r = t.referrals.seeker;
    const crumbs = [{ label: t.nav.home, href: '/mypage' }, { label: r.listTitle }];
    if (seeker.kind !== 'registered') {
      return page(
        c,
        { title: r.listTitle, portal: 'seeker', breadcrumbs: crumbs },
        <>
          <h1>{r.listTitle}</h1>
          <Notice kind="info" title={t.seeker.home.unavailable}>
            <p>{t.seeker.home.unavailableReason}</p>
          </Notice>
        </>,
      );
    }
    const rows = await listLiveReferrals(c.var.deps.db, seeker.id, tokyoDate(c.var.deps.clock.now()));
    return page(
      c,
      { title: r.listTitle, portal: 'seeker', breadcrumbs: crumbs },
      <>
        <h1>{r.listTitle}</h1>
        {rows.length === 0 ? (
          <p id="referrals-none">{t.seeker.home.referralsNone}</p>
        ) : (
          <>
            <Notes />
            <section aria-labelledby="referrals-count" id="referral-list">
              <h2 id="referrals-count">{r.listCount(rows.length)}</h2>
              {rows.map((row) => (
                <ReferralCard row={row} />
              ))}
            </section>
          </>
        )}
        <p>
          <a href="/mypage">{r.backHome}</a>
        </p>
      </>,
    );
  });
}
