/**
 * 求人情報 (SPEC SR-4, SR-5, SR-7): GET /jobs/:number shows the whole 求人票 to anyone allowed to see
 * it, with the contract notice at the top and the viewer's buttons. 公開範囲 decides how much: staff
 * and the owning employer see everything; jobs not accepted or 「公開しない」 are 404 to everyone else.
 * A seeker applies from here with 「オンライン自主応募」 when the job takes it (AP-7, src/web/seeker/apply.tsx).
 */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { type JobViewer, jobVisibility } from '../../modules/jobs/job.rules.ts';
import { JOB_NUMBER, normalizeJobNumber } from '../../modules/jobs/job.schemas.ts';
import { type JobDetailView, toJobDetailView } from '../../modules/jobs/job-view.ts';
import { findJobByNumber } from '../../modules/jobs/jobs.repository.ts';
import { buildJobPosting, scriptSafeJson } from '../../modules/opendata/job-posting.rules.ts';
import { hasFavorite } from '../../modules/search/seeker-lists.repository.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import type { Auth } from '../auth/session.ts';
import { Button, ButtonLink, CsrfField } from '../components/form.tsx';
import { placeText, ValidBadge } from '../components/job-card.tsx';
import { JobDetails } from '../components/job-details.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv, Portal } from '../env.ts';
import { publicRead } from '../public-read.ts';
import { page } from '../render.tsx';
import { searchBackHref } from '../search-back.ts';

function viewerOf(auth: Auth | null): JobViewer {
  if (auth?.role === 'staff') return { role: 'staff' };
  if (auth?.role === 'employer' && auth.employer) return { role: 'employer', employerId: auth.employer.id };
  if (auth?.role === 'seeker') return { role: 'seeker' };
  return { role: 'public' };
}

const portalOf = (viewer: JobViewer): Portal => (viewer.role === 'public' ? 'public' : viewer.role);

function FavoriteButton({
  jobNumber,
  viewer,
  saved,
}: {
  jobNumber: string;
  viewer: JobViewer;
  saved: boolean;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  if (viewer.role === 'seeker' && saved) {
    // SR-3: a job already in お気に入り says so, and offers its removal instead.
    return (
      <>
        <p class="favorite-saved">
          <strong>{t.jobs.favoriteSaved}</strong>
        </p>
        <form method="post" action="/mypage/favorites/delete" class="inline-form">
          <CsrfField />
          <input type="hidden" name="jobNumber" value={jobNumber} />
          <Button variant="secondary">{t.search.favorites.remove}</Button>
        </form>
      </>
    );
  }
  if (viewer.role === 'seeker') {
    return (
      <form method="post" action="/mypage/favorites" class="inline-form">
        <CsrfField />
        <input type="hidden" name="jobNumber" value={jobNumber} />
        <Button variant="secondary">{t.jobs.favorite}</Button>
      </form>
    );
  }
  if (viewer.role === 'public') {
    return (
      <>
        <ButtonLink href={`/login?next=/jobs/${jobNumber}`}>{t.jobs.favorite}</ButtonLink>
        <p class="muted">{t.jobs.favoriteLoginNote}</p>
      </>
    );
  }
  return null;
}

/** AP-7: オンライン自主応募 from the job detail, for a signed-in seeker (fully registered or internet-only). */
function DirectApply({ jobNumber, viewer }: { jobNumber: string; viewer: JobViewer }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.applying;
  if (viewer.role === 'seeker') {
    return (
      <div class="actions" id="direct-apply">
        <ButtonLink href={`/mypage/jobs/${jobNumber}/apply`} variant="primary">
          {a.directButton}
        </ButtonLink>
        <p class="muted">{a.directButtonNote}</p>
      </div>
    );
  }
  if (viewer.role === 'public') {
    return (
      <div class="actions" id="direct-apply">
        <ButtonLink href={`/login?next=/mypage/jobs/${jobNumber}/apply`}>{a.directButton}</ButtonLink>
        <p class="muted">{a.directLoginNote}</p>
      </div>
    );
  }
  return null;
}

/**
 * Open job data (issue 16, ADR 0027): the schema.org JobPosting of the page as the public sees it —
 * whoever is signed in, the JSON-LD never holds what 公開範囲 hides from the public.
 */
function JobPostingData({ view }: { view: JobDetailView }) {
  const { deps } = useRequestContext<AppEnv>().var;
  const posting = buildJobPosting(view, deps.config.baseUrl);
  if (!posting) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(posting) }} />;
}

function JobPage({
  view,
  publicView,
  viewer,
  saved,
}: {
  view: JobDetailView;
  publicView: JobDetailView | null;
  viewer: JobViewer;
  /** In the signed-in seeker's お気に入り. */
  saved: boolean;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const number = view.job.jobNumber ?? '';
  const owner = viewer.role === 'employer' && viewer.employerId === view.job.employerId;
  return (
    <>
      {publicView ? <JobPostingData view={publicView} /> : null}
      <h1>{view.job.title}</h1>
      <Notice kind="info">
        <p>{t.jobs.contractNotice}</p>
      </Notice>
      {view.valid ? null : (
        <Notice kind="warning" title={t.jobs.invalidNotice}>
          <p>{t.jobs.invalidNoticeBody}</p>
        </Notice>
      )}
      <p>
        <span class="muted">{t.jobs.fields.jobNumber}</span> {number} <ValidBadge valid={view.valid} />
      </p>
      <p>{view.job.acceptsOnlineApplication ? t.jobs.onlineAccepted : t.jobs.onlineNotAccepted}</p>
      {view.valid ? (
        <div class="actions">
          <FavoriteButton jobNumber={number} viewer={viewer} saved={saved} />
        </div>
      ) : null}
      {view.valid && view.job.acceptsOnlineApplication ? (
        <DirectApply jobNumber={number} viewer={viewer} />
      ) : null}
      {owner ? (
        <p>
          <a href={`/employer/jobs/${view.id}`}>{t.jobs.manageLinkEmployer}</a>
        </p>
      ) : null}
      {viewer.role === 'staff' ? (
        <p>
          <a href={`/staff/jobs/${view.id}`}>{t.jobs.manageLinkStaff}</a>
        </p>
      ) : null}
      <JobDetails view={view} />
    </>
  );
}

export function jobDetailRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/:number', async (c) => {
    const number = normalizeJobNumber(c.req.param('number'));
    if (!JOB_NUMBER.test(number)) throw notFound('job number format');
    // Anonymous visitors may read the standby; a signed-in one reads the primary (ADR 0031).
    const record = await publicRead(c, (deps) => findJobByNumber(deps.db, number));
    if (!record) throw notFound('job');
    const viewer = viewerOf(c.var.auth);
    const visibility = jobVisibility(record.job, viewer);
    if (visibility === 'hidden') throw notFound('job not public');
    const today = tokyoDate(c.var.deps.clock.now());
    const view = toJobDetailView(record, visibility === 'full', today);
    const publicVisibility = jobVisibility(record.job, { role: 'public' });
    const publicView =
      publicVisibility === 'hidden' ? null : toJobDetailView(record, publicVisibility === 'full', today);
    const back = searchBackHref(c.req.header('Referer'), [
      new URL(c.var.deps.config.baseUrl).origin,
      new URL(c.req.url).origin,
    ]);
    // The link carries what the visitor searched for: a page of theirs, not for shared caches.
    if (back !== '/jobs') c.set('personal', true);
    const seekerId = c.var.auth?.role === 'seeker' ? c.var.auth.seeker?.id : undefined;
    const saved = seekerId ? await hasFavorite(c.var.deps.db, seekerId, record.job.id) : false;
    return page(
      c,
      {
        title: view.job.title,
        portal: portalOf(viewer),
        breadcrumbs: [{ label: c.var.t.nav.search, href: back }, { label: view.job.title }],
        description: c.var.t.site.jobDescription(
          view.job.title,
          view.employer.name ?? view.officeName,
          placeText(c.var.locale, view.job.prefectureCode, view.job.city),
        ),
      },
      <JobPage view={view} publicView={publicView} viewer={viewer} saved={saved} />,
    );
  });
}
