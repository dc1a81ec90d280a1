/**
 * メッセージ (SPEC MS-4): the seeker's inbox at /mypage/messages, newest first and paged, each row
 * marked with its sender (「ハローワークから」) and read state; /mypage/messages/:id opens one of the
 * seeker's own messages and marks it read (another's id is the 404 page). A message is rendered from
 * its kind and data in the reader's language; nothing stores rendered text. The navigation shows the
 * unread count in #nav-unread (NavUnread), which the live-update script replaces (ADR 0018).
 */
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { isNotificationKind, KINDS } from '../../modules/notifications/kinds.ts';
import type { InboxMessage } from '../../modules/notifications/notifications.repository.ts';
import {
  type InboxPage,
  openMessage,
  readInbox,
  unreadCount,
} from '../../modules/notifications/read-inbox.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { Pagination } from '../components/pagination.tsx';
import type { AppEnv } from '../env.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';
import { liveFragment } from './live-fragments.ts';

/** The unread count in the seeker navigation (「メッセージ（N）」), empty when nothing is unread. */
export async function NavUnread() {
  const c = useRequestContext<AppEnv>();
  const auth = c.var.auth;
  const m = c.var.t.seeker.messages;
  let n = 0;
  if (auth?.role === 'seeker' && auth.seeker) {
    try {
      n = await unreadCount(c.var.deps, auth.accountId);
    } catch {
      n = 0; // the error page must render even when the database does not answer
    }
  }
  return (
    <span id="nav-unread" class="nav-unread" {...liveFragment('nav-unread')}>
      {n > 0 ? (
        <>
          <span aria-hidden="true">{m.navCount(n)}</span>
          <span class="visually-hidden">{m.navUnreadHidden(n)}</span>
        </>
      ) : null}
    </span>
  );
}

/** The jobs a message names, each linked to its page; with its 応募期限日 when it is a referral. */
function MessageJobs({ jobs }: { jobs: { jobNumber: string; title: string; applyBy?: string }[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  const m = t.seeker.messages;
  return (
    <ul class="message-jobs" id="message-jobs">
      {jobs.map((j) => (
        <li>
          <a href={`/jobs/${j.jobNumber}`}>{j.title}</a>
          <span>
            {' '}
            {m.jobNumber} {j.jobNumber}
          </span>
          {j.applyBy ? (
            <span>
              {' '}
              {m.applyBy}：<strong class="apply-by">{t.common.date(j.applyBy)}</strong>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function subjectOf(t: AppEnv['Variables']['t'], msg: InboxMessage): string {
  if (msg.kind === 'notice.sent') {
    const d = KINDS['notice.sent'].schema.safeParse(msg.data);
    if (d.success) return d.data.title;
  }
  if (msg.kind === 'application.message') {
    const d = KINDS['application.message'].schema.safeParse(msg.data);
    if (d.success) {
      return d.data.from === d.data.to
        ? t.threads.confirmed
        : t.threads.notice[d.data.entry](d.data.employerName);
    }
  }
  return isNotificationKind(msg.kind) ? t.notifications.kind[msg.kind] : t.seeker.messages.title;
}

/** A short line under the subject in the list: the jobs' titles, or the start of a notice. */
function summaryOf(t: AppEnv['Variables']['t'], msg: InboxMessage): string | undefined {
  if (msg.kind === 'referral.sent' || msg.kind === 'information.jobs') {
    const d = KINDS['information.jobs'].schema.safeParse(msg.data);
    if (!d.success) return undefined;
    const titles = d.data.jobs.map((j) => j.title).join(t.common.list);
    return t.seeker.messages.jobsSummary(d.data.jobs.length, titles);
  }
  if (msg.kind === 'notice.sent') {
    const d = KINDS['notice.sent'].schema.safeParse(msg.data);
    if (!d.success) return undefined;
    const chars = [...new Intl.Segmenter().segment(d.data.body)].map((x) => x.segment);
    return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : d.data.body;
  }
  return undefined;
}

function Sender({ msg }: { msg: InboxMessage }) {
  const m = useRequestContext<AppEnv>().var.t.seeker.messages;
  return (
    <span class={`sender sender--${msg.senderKind}`}>
      {msg.senderKind === 'hello_work' ? m.fromHelloWork : m.fromEmployer}
    </span>
  );
}

/** The body of a message, from its kind and data (validated against the kind's schema). */
function MessageBody({ msg }: { msg: InboxMessage }) {
  const { t } = useRequestContext<AppEnv>().var;
  const m = t.seeker.messages;
  const kind = msg.kind;
  if (!isNotificationKind(kind)) return <p>{m.otherLead}</p>;
  const parsed = KINDS[kind].schema.safeParse(msg.data);
  if (!parsed.success) return <p>{m.otherLead}</p>;
  if (kind === 'referral.sent') {
    const d = KINDS['referral.sent'].schema.parse(msg.data);
    return (
      <>
        <p>{m.referralLead(d.jobs.length)}</p>
        <MessageJobs jobs={d.jobs} />
        <p class="muted">{m.referralAfter}</p>
      </>
    );
  }
  if (kind === 'information.jobs') {
    const d = KINDS['information.jobs'].schema.parse(msg.data);
    return (
      <>
        <p>{m.informationLead(d.jobs.length)}</p>
        <MessageJobs jobs={d.jobs} />
      </>
    );
  }
  if (kind === 'notice.sent') {
    const d = KINDS['notice.sent'].schema.parse(msg.data);
    return (
      <div id="message-notice">
        <h2>{d.title}</h2>
        {d.body.split('\n').map((line) => (
          <p>{line}</p>
        ))}
      </div>
    );
  }
  if (kind === 'seeker.registered' || kind === 'seeker.registered_at_office') {
    const d = KINDS['seeker.registered_at_office'].schema.parse(msg.data);
    return (
      <>
        <p>{m.registeredLead(d.name)}</p>
        <dl class="summary-list">
          <div>
            <dt>{m.seekerNumber}</dt>
            <dd>{d.seekerNumber}</dd>
          </div>
          <div>
            <dt>{m.validUntil}</dt>
            <dd>{t.common.date(d.validUntil)}</dd>
          </div>
        </dl>
      </>
    );
  }
  if (kind === 'document.withheld') {
    const d = KINDS['document.withheld'].schema.parse(msg.data);
    return (
      <div id="message-withheld">
        <p>{m.withheldLead(d.jobNumber, d.title, d.fileName, d.reason === 'unreadable')}</p>
        <p>{m.withheldAdvice}</p>
        <p>
          <a href={`/mypage/applications/${d.applicationId}`}>{t.applying.functions.content}</a>
        </p>
      </div>
    );
  }
  if (kind === 'application.decided') {
    const d = KINDS['application.decided'].schema.parse(msg.data);
    return (
      <div id="message-decided">
        <p>{m.decidedLead(d.employerName, d.jobNumber, d.title)}</p>
        <p>
          {t.applying.result.result}：
          <strong id="message-result">{t.applying.result.results[d.result]}</strong>
        </p>
        <p>
          <a href={`/mypage/applications/${d.applicationId}/results`}>{t.applying.functions.results}</a>
        </p>
      </div>
    );
  }
  if (kind === 'application.message') {
    const d = KINDS['application.message'].schema.parse(msg.data);
    return (
      <div id="message-thread">
        <p>
          {d.from === d.to ? t.threads.confirmed : t.threads.notice[d.entry](d.employerName)}（{d.jobNumber}{' '}
          {d.title}）
        </p>
        {d.startsAt ? (
          <p>
            {t.threads.interview.bookedAt}：{t.threads.interview.when(new Date(d.startsAt))}
          </p>
        ) : null}
        <p>
          <a href={`/mypage/applications/${d.applicationId}/messages#thread`} id="message-thread-link">
            {t.threads.open}
          </a>
        </p>
      </div>
    );
  }
  if (kind === 'seeker.registration_expiring') {
    const d = KINDS['seeker.registration_expiring'].schema.parse(msg.data);
    return <p>{m.expiringLead(d.name, t.common.date(d.validUntil))}</p>;
  }
  return <p>{m.otherLead}</p>;
}

/** The inbox's page links (the shared Pagination, with the inbox's labels and addresses). */
function InboxPages({ current, pages }: { current: number; pages: number }) {
  const m = useRequestContext<AppEnv>().var.t.seeker.messages;
  return (
    <Pagination
      id="messages-pages"
      current={current}
      pages={pages}
      href={(n) => (n === 1 ? '/mypage/messages' : `/mypage/messages?page=${n}`)}
      labels={{ nav: m.pagination, prev: m.prev, next: m.next, pageN: m.pageN }}
    />
  );
}

/**
 * The list of one page of the inbox, with its summary and page links. Page 1 is also served alone at
 * /mypage/fragments/messages-list, which the live-update script swaps in when a message arrives
 * (ADR 0018); later pages stay as they are until reloaded, so a reader's place does not move.
 */
export function MessagesList({ inbox }: { inbox: InboxPage }) {
  const { t } = useRequestContext<AppEnv>().var;
  const m = t.seeker.messages;
  return (
    <div id="messages-list" {...(inbox.page === 1 ? liveFragment('messages-list') : {})}>
      {inbox.total === 0 ? (
        <p id="messages-none">{m.none}</p>
      ) : (
        <>
          <p id="messages-summary">{m.summary(inbox.total, inbox.unread)}</p>
          <div class="table-wrap">
            <table class="table" id="messages">
              <caption>{m.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.status}</th>
                  <th scope="col">{m.sender}</th>
                  <th scope="col">{m.subject}</th>
                  <th scope="col">{m.receivedAt}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.messages.map((msg) => (
                  <tr class={msg.readAt ? 'message--read' : 'message--unread'}>
                    <td>{msg.readAt ? m.read : <strong>{m.unread}</strong>}</td>
                    <td>
                      <Sender msg={msg} />
                    </td>
                    <td>
                      <a href={`/mypage/messages/${msg.id}`}>{subjectOf(t, msg)}</a>
                      {summaryOf(t, msg) ? (
                        <span class="message-summary muted">{summaryOf(t, msg)}</span>
                      ) : null}
                    </td>
                    <td>{formatTokyoDateTime(msg.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <InboxPages current={inbox.page} pages={inbox.pages} />
        </>
      )}
    </div>
  );
}

/** Whole page numbers only: anything else is page 1. */
function pageNumber(raw: string | undefined): number {
  return raw && /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
}

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerMessageRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/messages', async (c) => {
      const m = c.var.t.seeker.messages;
      const inbox = await readInbox(c.var.deps, c.var.auth!.accountId, pageNumber(c.req.query('page')));
      return page(
        c,
        { title: m.title, portal: 'seeker' },
        <>
          <h1>{m.title}</h1>
          <MessagesList inbox={inbox} />
        </>,
      );
    })
    .get('/messages/:id', async (c) => {
      const id = uuidParam(c);
      const t = c.var.t;
      const m = t.seeker.messages;
      const msg = await openMessage(c.var.deps, c.var.auth!.accountId, id);
      if (!msg) throw notFound('inbox message');
      const subject = subjectOf(t, msg);
      return page(
        c,
        {
          title: subject,
          portal: 'seeker',
          breadcrumbs: [{ label: m.title, href: '/mypage/messages' }, { label: subject }],
        },
        <article id="message">
          <h1>{subject}</h1>
          <p class="muted">
            <Sender msg={msg} /> · {m.receivedAt} {formatTokyoDateTime(msg.createdAt)}
          </p>
          <MessageBody msg={msg} />
          <p>
            <a href="/mypage/messages">{m.backToList}</a>
          </p>
        </article>,
      );
    });
}
