/**
 * 求職活動状況 > 応募中求人一覧 (SPEC AL, AP-5, AP-6, AP-7; ADR 0021). Every application of the
 * signed-in seeker, newest first, each with the seed's seven functions:
 * 新規メッセージを作成 · 求人内容の詳細 · 紹介・応募時の求人票 · 応募内容 · 応募を取消 · 紹介状（本人控え）
 * · 紹介状・選考結果通知. Every read is scoped to the seeker in the query (another's is a 404).
 * 「応募を取消」 is a button for 24 hours after 「応募」 (CX-1; the journey is application-cancel.tsx);
 * 紹介状・選考結果通知 shows the 紹介状 and the 選考結果 (EM-3); each application says when its
 * documents are (or were) erased (DR-1, DR-2) and its 回答予定日 (the reply promise, ADR 0023).
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { CANCEL_WINDOW_MS } from '../../modules/applications/application.rules.ts';
import {
  countSeekerApplications,
  findSeekerApplication,
  listApplicationDocuments,
  listSeekerApplications,
  type SeekerApplicationRow,
} from '../../modules/applications/applications.repository.ts';
import { showsCancelButton } from '../../modules/applications/cancel.rules.ts';
import { changedJobFields } from '../../modules/applications/snapshot.rules.ts';
import { toJobDetailView } from '../../modules/jobs/job-view.ts';
import { findJobById } from '../../modules/jobs/jobs.repository.ts';
import { processingUntil, type ThreadFacts, threadRefusal } from '../../modules/threads/thread.rules.ts';
import { listThreadFacts } from '../../modules/threads/threads.repository.ts';
import { formatTokyoDateTime, tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { seekerOf } from '../auth/guards.ts';
import {
  ApplicationContent,
  erasureRow,
  LetterView,
  letterOf,
  letterPdfResponse,
  replyRow,
  resultRows,
} from '../components/application-parts.tsx';
import { JobDetails } from '../components/job-details.tsx';
import { Notice } from '../components/notice.tsx';
import { Pagination, pageNumber } from '../components/pagination.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';

const PAGE_SIZE = 20;

function listCrumbs(c: Context<AppEnv>) {
  const { t } = c.var;
  return [
    { label: t.nav.home, href: '/mypage' },
    { label: t.nav.activity, href: '/mypage/activity' },
    { label: t.applying.list.title, href: '/mypage/activity/applications' },
  ];
}

/** 「応募を取消」 (CX-1): a button for 24 hours after 「応募」; afterwards the seed's sentence instead. */
function CancelFunction({ row }: { row: SeekerApplicationRow }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const f = t.applying.functions;
  const app = row.application;
  const id = `cx-${app.id}`;
  if (showsCancelButton(app, c.var.deps.clock.now())) {
    const until = formatTokyoDateTime(new Date(app.appliedAt.getTime() + CANCEL_WINDOW_MS));
    return (
      <>
        <a
          class="button button--secondary"
          href={`/mypage/applications/${app.id}/cancel`}
          aria-describedby={id}
          id={`cancel-${app.id}`}
        >
          {f.cancel}
        </a>
        <p class="muted" id={id}>
          {f.cancelOpen(until)}
        </p>
      </>
    );
  }
  const text =
    app.state === 'applied'
      ? f.cancelClosed
      : app.state === 'cancelled'
        ? t.applying.result.cancelledNotice
        : t.applying.cancel.refusal.decided;
  return (
    <p class="muted cancel-closed" id={id}>
      {text}
    </p>
  );
}

type ThreadState = ThreadFacts & { unread: number };

/**
 * 「新規メッセージを作成」 (MS-1..MS-3): the way into the thread, or a disabled button with the reason
 * (the thread page and the use case refuse the same on the server). Unread messages are counted.
 */
function NewMessage({ id, thread }: { id: string; thread: ThreadState | undefined }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const f = t.applying.functions;
  const hold = c.var.deps.config.messageHoldMs;
  const refusal = thread ? threadRefusal(thread, c.var.deps.clock.now(), hold) : 'employer_unreachable';
  const href = `/mypage/applications/${id}/messages`;
  const unread =
    thread && thread.unread > 0 ? (
      <a href={href} class="unread-count" id={`unread-${id}`}>
        {t.threads.unreadCount(thread.unread)}
      </a>
    ) : null;
  if (!refusal) {
    return (
      <>
        <a class="button button--secondary" href={`${href}#compose`} id={`new-message-${id}`}>
          {f.newMessage}
        </a>
        {unread}
      </>
    );
  }
  const until = thread ? formatTokyoDateTime(new Date(processingUntil(thread, hold))) : '';
  const r = t.threads.refusal.seeker;
  return (
    <>
      <button type="button" class="button button--secondary" disabled aria-describedby={`nm-${id}`}>
        {f.newMessage}
      </button>
      <p class="muted" id={`nm-${id}`}>
        {refusal === 'processing' ? r.processing(until) : r[refusal]}
      </p>
      {unread ?? (thread ? <a href={href}>{t.threads.open}</a> : null)}
    </>
  );
}

/** The seven functions of one application (AL), as links and buttons that say why when unavailable. */
function Functions({ row, thread }: { row: SeekerApplicationRow; thread: ThreadState | undefined }) {
  const c = useRequestContext<AppEnv>();
  const f = c.var.t.applying.functions;
  const app = row.application;
  const base = `/mypage/applications/${app.id}`;
  return (
    <ul class="application-functions">
      <li>
        <NewMessage id={app.id} thread={thread} />
      </li>
      <li>
        <a href={`/jobs/${row.job.jobNumber}`}>{f.jobNow}</a>
      </li>
      <li>
        <a href={`${base}/job`}>{f.snapshot}</a>
      </li>
      <li>
        <a href={base}>{f.content}</a>
      </li>
      <li>
        <CancelFunction row={row} />
      </li>
      <li>
        {row.letterNumber ? (
          <a href={`${base}/letter`}>{f.letter}</a>
        ) : (
          <span class="muted">{f.noLetter}</span>
        )}
      </li>
      <li>
        <a href={`${base}/results`}>{f.results}</a>
      </li>
    </ul>
  );
}

function ErasureRow({ row }: { row: SeekerApplicationRow }) {
  const c = useRequestContext<AppEnv>();
  const erasure = erasureRow(c, row.application, row.job.closedOn);
  if (!erasure) return null;
  const [label, value] = erasure;
  return (
    <div>
      <dt>{label}</dt>
      <dd class="erasure">{value}</dd>
    </div>
  );
}

/** The reply promise (ADR 0023): 「回答予定日」, and that it has passed when it has. */
function ReplyRow({ row }: { row: SeekerApplicationRow }) {
  const reply = replyRow(useRequestContext<AppEnv>(), row.application, 'seeker');
  if (!reply) return null;
  return (
    <div>
      <dt>{reply[0]}</dt>
      <dd>{reply[1]}</dd>
    </div>
  );
}

function ApplicationItem({ row, thread }: { row: SeekerApplicationRow; thread: ThreadState | undefined }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.applying;
  const app = row.application;
  return (
    <article class="application" aria-labelledby={`app-${app.id}`}>
      <h2 id={`app-${app.id}`}>
        <a href={`/mypage/applications/${app.id}`}>{row.job.title}</a>
      </h2>
      <dl class="summary-list summary-list--compact">
        <div>
          <dt>{t.jobs.fields.jobNumber}</dt>
          <dd>{row.job.jobNumber}</dd>
        </div>
        <div>
          <dt>{t.jobs.fields.employerName}</dt>
          <dd>{row.employerName}</dd>
        </div>
        <div>
          <dt>{a.list.appliedAt}</dt>
          <dd>{formatTokyoDateTime(app.appliedAt)}</dd>
        </div>
        <div>
          <dt>{a.list.route}</dt>
          <dd>{a.route[app.route]}</dd>
        </div>
        <div>
          <dt>{a.list.state}</dt>
          <dd>{a.state[app.state]}</dd>
        </div>
        <ReplyRow row={row} />
        <ErasureRow row={row} />
      </dl>
      <Functions row={row} thread={thread} />
    </article>
  );
}

async function loadOwn(c: Context<AppEnv>) {
  const row = await findSeekerApplication(c.var.deps.db, seekerOf(c).id, uuidParam(c));
  if (!row) throw notFound('application');
  return row;
}

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerApplicationRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/activity/applications', async (c) => {
      const { t } = c.var;
      const a = t.applying.list;
      const seekerId = seekerOf(c).id;
      const total = await countSeekerApplications(c.var.deps.db, seekerId);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const n = Math.min(pages, Math.max(1, pageNumber(c.req.query('page'))));
      const rows = await listSeekerApplications(c.var.deps.db, seekerId, PAGE_SIZE, (n - 1) * PAGE_SIZE);
      const threads = await listThreadFacts(
        c.var.deps.db,
        rows.map((r) => r.application.id),
        'seeker',
      );
      return page(
        c,
        {
          title: a.title,
          portal: 'seeker',
          breadcrumbs: listCrumbs(c).slice(0, 2).concat({ label: a.title, href: '' }),
        },
        <>
          <h1>{a.title}</h1>
          <p>{a.lead}</p>
          {rows.length === 0 ? (
            <p id="applications-none">{a.empty}</p>
          ) : (
            <section id="application-list" aria-label={a.caption}>
              {rows.map((row) => (
                <ApplicationItem row={row} thread={threads.get(row.application.id)} />
              ))}
            </section>
          )}
          <Pagination
            id="applications-pages"
            current={n}
            pages={pages}
            href={(p) => `?page=${p}`}
            labels={{
              nav: t.seeker.activity.pagination,
              prev: t.seeker.activity.prev,
              next: t.seeker.activity.next,
              pageN: t.seeker.activity.pageN,
            }}
          />
        </>,
      );
    })
    .get('/applications/:id', async (c) => {
      const row = await loadOwn(c);
      const { t } = c.var;
      const a = t.applying;
      const app = row.application;
      const documents = await listApplicationDocuments(c.var.deps.db, app.id);
      const threads = await listThreadFacts(c.var.deps.db, [app.id], 'seeker');
      return page(
        c,
        {
          title: a.detail.title,
          portal: 'seeker',
          breadcrumbs: [...listCrumbs(c), { label: a.detail.title }],
        },
        <>
          {c.req.query('applied') ? (
            <Notice kind="success" title={a.done.title}>
              <p id="applied-notice">{a.done.body}</p>
              {row.letterNumber ? <p>{a.done.letterIssued}</p> : null}
            </Notice>
          ) : null}
          {c.req.query('cancelled') && app.state === 'cancelled' ? (
            <Notice kind="success" title={a.cancel.doneTitle}>
              <p id="cancelled-notice">{a.cancel.done}</p>
            </Notice>
          ) : null}
          <h1>{a.detail.title}</h1>
          <p>
            {row.job.jobNumber} {row.job.title}（{row.employerName}）
          </p>
          <ApplicationContent app={app} documents={documents} audience="seeker" closedOn={row.job.closedOn} />
          <Functions row={row} thread={threads.get(app.id)} />
        </>,
      );
    })
    .get('/applications/:id/job', async (c) => {
      const row = await loadOwn(c);
      const { t } = c.var;
      const s = t.applying.snapshot;
      const snap = row.application.jobSnapshot;
      const current = await findJobById(c.var.deps.db, row.application.jobId);
      const today = tokyoDate(c.var.deps.clock.now());
      const now = current ? toJobDetailView(current, snap.view.showsEmployer, today) : undefined;
      const changed = now ? changedJobFields(snap.view.job, now.job) : [];
      const labels = t.jobs.fields as unknown as Record<string, string | ((n: number) => string)>;
      return page(
        c,
        { title: s.title, portal: 'seeker', breadcrumbs: [...listCrumbs(c), { label: s.title }] },
        <>
          <h1>{s.title}</h1>
          <p>{s.lead(formatTokyoDateTime(new Date(snap.takenAt)))}</p>
          <section aria-labelledby="snapshot-changes" class="panel">
            <h2 id="snapshot-changes">{s.changed}</h2>
            {changed.length === 0 ? (
              <p id="snapshot-no-changes">{s.noChanges}</p>
            ) : (
              <ul id="snapshot-changed">
                {changed.map((k) => (
                  <li>
                    <mark>{typeof labels[k] === 'string' ? labels[k] : k}</mark>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <JobDetails view={snap.view} />
        </>,
      );
    })
    .get('/applications/:id/results', async (c) => {
      const row = await loadOwn(c);
      const { t } = c.var;
      const r = t.applying.result;
      const app = row.application;
      const decided = resultRows(c, app);
      const reply = replyRow(c, app, 'seeker');
      return page(
        c,
        { title: r.noticeTitle, portal: 'seeker', breadcrumbs: [...listCrumbs(c), { label: r.noticeTitle }] },
        <>
          <h1>{r.noticeTitle}</h1>
          <p>
            {row.job.jobNumber} {row.job.title}（{row.employerName}）
          </p>
          <section aria-labelledby="results-letter" class="panel">
            <h2 id="results-letter">{r.letterSection}</h2>
            {row.letterNumber ? (
              <p>
                <a href={`/mypage/applications/${app.id}/letter`} id="results-letter-link">
                  {t.applying.functions.letter}（{row.letterNumber}）
                </a>
              </p>
            ) : (
              <p>{r.noLetter}</p>
            )}
          </section>
          <section aria-labelledby="results-notice" class="panel">
            <h2 id="results-notice">{r.noticeSection}</h2>
            {decided.length > 0 ? (
              <>
                <p>{r.noticeLead(row.employerName)}</p>
                <SummaryList id="selection-result" rows={decided} />
              </>
            ) : (
              <p id="selection-pending">{app.state === 'cancelled' ? r.cancelledNotice : r.pending}</p>
            )}
            {reply ? (
              <>
                <SummaryList id="reply-due" rows={[reply]} />
                <p class="muted">{t.applying.reply.hint}</p>
              </>
            ) : null}
          </section>
          <p>
            <a href="/mypage/activity/applications">{t.applying.list.title}</a>
          </p>
        </>,
      );
    })
    .get('/applications/:id/letter', async (c) => {
      const row = await loadOwn(c);
      const letter = await letterOf(c, row.application.id);
      const l = c.var.t.applying.letter;
      return page(
        c,
        { title: l.seekerCopy, portal: 'seeker', breadcrumbs: [...listCrumbs(c), { label: l.seekerCopy }] },
        <LetterView
          letter={letter}
          copy="seeker"
          pdfHref={`/mypage/applications/${row.application.id}/letter.pdf`}
        />,
      );
    })
    .get('/applications/:id/letter.pdf', async (c) => {
      const row = await loadOwn(c);
      const letter = await letterOf(c, row.application.id);
      return letterPdfResponse(c, letter, 'seeker');
    });
}
