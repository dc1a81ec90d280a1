/**
 * OR-5: the page of one of the seeker's オンラインハローワーク紹介対象求人, /mypage/referrals/:referralId —
 * the whole 求人票 (also when its 公開範囲 hides it from the public: it was sent to this seeker), the
 * target's 交付年月日, 応募期限日 and state, and while it is open for applying (referralOpenForApplying,
 * the rule the apply form checks too) 「応募（ハローワーク紹介）」 with the seed's sentence. A target that
 * is no longer live is shown as history with the reason it cannot be applied to. Another seeker's
 * target, or an id that is not one, is the 404 page (G-2).
 */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { readReferral, type SeekerReferralView } from '../../modules/referrals/read-referral.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { seekerOf } from '../auth/guards.ts';
import { ButtonLink } from '../components/form.tsx';
import { ValidBadge } from '../components/job-card.tsx';
import { JobDetails } from '../components/job-details.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';
import { Notes } from './referrals.tsx';

/** Where 「応募（ハローワーク紹介）」 leads: the apply form of issue 11. */
export const referralApplyPath = (referralId: string) => `/mypage/referrals/${referralId}/apply`;

function ApplyOrWhyNot({ v }: { v: SeekerReferralView }) {
  const { t } = useRequestContext<AppEnv>().var;
  const r = t.referrals.seeker;
  if (v.apply.open) {
    return (
      <div id="referral-apply">
        <p class="actions">
          <ButtonLink href={referralApplyPath(v.referral.id)} variant="primary">
            {r.apply}
          </ButtonLink>
        </p>
        <p>
          {r.applyNote}
          {r.applyNoteMore.before}
          <a href="#referral-notes">{r.applyNoteMore.link}</a>
          {r.applyNoteMore.after}
        </p>
      </div>
    );
  }
  const { state } = v.apply;
  return (
    <div id="referral-closed">
      <Notice
        kind={state === 'applied' ? 'info' : 'warning'}
        title={state === 'applied' ? r.appliedTitle : r.closedTitle}
      >
        <p>{r.closed[state]}</p>
      </Notice>
    </div>
  );
}

function ReferralPage({ v }: { v: SeekerReferralView }) {
  const { t } = useRequestContext<AppEnv>().var;
  const r = t.referrals.seeker;
  const live = v.apply.open;
  return (
    <>
      <h1>{v.job.job.title}</h1>
      <Notice kind="info">
        <p>{t.jobs.contractNotice}</p>
      </Notice>
      <section class="panel" aria-labelledby="referral-target">
        <h2 id="referral-target">{r.targetTitle}</h2>
        <SummaryList
          rows={[
            [r.issuedOn, t.common.date(tokyoDate(v.referral.sentAt))],
            [r.applyBy, <strong class="apply-by">{t.common.date(v.referral.applyBy)}</strong>],
            [r.state, <span id="referral-state">{t.referrals.state[v.state]}</span>],
          ]}
        />
        <ApplyOrWhyNot v={v} />
      </section>
      <p>
        <span class="muted">{t.jobs.fields.jobNumber}</span> {v.job.job.jobNumber}{' '}
        <ValidBadge valid={v.job.valid} />
      </p>
      <JobDetails view={v.job} />
      <section aria-labelledby="referral-notes-title">
        <h2 id="referral-notes-title">{r.notesTitle}</h2>
        <Notes />
      </section>
      <p>
        {live ? (
          <a href="/mypage/referrals">{r.backToList}</a>
        ) : (
          <a href="/mypage/activity/referrals">{r.backToActivity}</a>
        )}
      </p>
    </>
  );
}

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerReferralDetailRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/referrals/:referralId', async (c) => {
    const id = uuidParam(c, 'referralId');
    const v = await readReferral(c.var.deps, seekerOf(c).id, id);
    if (!v) throw notFound('referral');
    const t = c.var.t;
    const r = t.referrals.seeker;
    const crumbs = v.apply.open
      ? [
          { label: t.nav.home, href: '/mypage' },
          { label: r.listTitle, href: '/mypage/referrals' },
          { label: v.job.job.title },
        ]
      : [
          { label: t.nav.activity, href: '/mypage/activity' },
          { label: t.seeker.activity.referralsTitle, href: '/mypage/activity/referrals' },
          { label: v.job.job.title },
        ];
    return page(c, { title: v.job.job.title, portal: 'seeker', breadcrumbs: crumbs }, <ReferralPage v={v} />);
  });
}
