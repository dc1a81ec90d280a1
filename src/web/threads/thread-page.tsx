/**
 * An application's thread, the same page for both sides (SPEC MS-1..MS-3, ADR 0023): the seeker at
 * /mypage/applications/:id/messages, the employer at /employer/applications/:id/messages. It shows
 * the entries oldest first (text only: nothing anyone wrote becomes a link or markup), the interview
 * being arranged with its .ics, the forms the reader may use now, or why they may not write. Opening
 * it marks the other side's entries read. The entries and the interview panel are live fragments:
 * a new entry appears on an open page without a reload (ADR 0018).
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { INTERVIEW_MODES, type ThreadAuthor, type ThreadEntryKind } from '../../domain/vocabulary.ts';
import { plainMessages } from '../../i18n/index.ts';
import {
  checkOffer,
  INTERVIEW_DURATIONS,
  isLiveOffer,
  mayCancelBooking,
  mayDecline,
  OFFER_SLOTS_MAX,
  type OfferInput,
  PLACE_MAX,
  pickableSlots,
} from '../../modules/threads/interview.rules.ts';
import { interviewCalendar } from '../../modules/threads/interview-ics.ts';
import {
  MESSAGE_MAX,
  messageProblem,
  normaliseMessage,
  processingUntil,
  type ThreadRefusal,
  threadRefusal,
} from '../../modules/threads/thread.rules.ts';
import {
  findOffer,
  findThread,
  listEntries,
  listOffers,
  markThreadRead,
  type OfferWithSlots,
  type ThreadContext,
  type ThreadEntry,
  type ThreadOwner,
} from '../../modules/threads/threads.repository.ts';
import {
  bookSlot,
  cancelBooking,
  declineOffer,
  offerInterview,
  postMessage,
  type WriteOutcome,
  type WriteRefusal,
  type Writer,
} from '../../modules/threads/write-thread.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/text.ts';
import { employerOf, seekerOf } from '../auth/guards.ts';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  Select,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm } from '../forms.ts';
import { markPersonal } from '../middleware.ts';
import { uuidParam } from '../params.ts';
import { fragment, page } from '../render.tsx';
import { interviewEventOf } from './interview-event.ts';

/** The forms of the page; a failed post re-renders its own form with what was typed. */
type FormName = 'message' | 'offer' | 'book' | 'decline' | 'cancel';
interface FormState {
  form: FormName;
  key: string;
  values: Record<string, string>;
  errors: FormErrors;
  refusal?: WriteRefusal;
}

interface Side {
  side: ThreadAuthor;
  portal: 'seeker' | 'employer';
  /** The application's pages for this reader: /mypage/applications/:id or /employer/applications/:id. */
  base: (applicationId: string) => string;
  owner: (c: Context<AppEnv>) => ThreadOwner;
  crumbs: (c: Context<AppEnv>, thread: ThreadContext) => { label: string; href?: string }[];
}

const SIDES: Record<ThreadAuthor, Side> = {
  seeker: {
    side: 'seeker',
    portal: 'seeker',
    base: (id) => `/mypage/applications/${id}`,
    owner: (c) => ({ side: 'seeker', id: seekerOf(c).id }),
    crumbs: (c, thread) => {
      const { t } = c.var;
      return [
        { label: t.nav.home, href: '/mypage' },
        { label: t.nav.activity, href: '/mypage/activity' },
        { label: t.applying.list.title, href: '/mypage/activity/applications' },
        { label: thread.title, href: `/mypage/applications/${thread.applicationId}` },
        { label: t.threads.title },
      ];
    },
  },
  employer: {
    side: 'employer',
    portal: 'employer',
    base: (id) => `/employer/applications/${id}`,
    owner: (c) => ({ side: 'employer', id: employerOf(c).id }),
    crumbs: (c, thread) => {
      const { t } = c.var;
      return [
        { label: t.nav.employerHome, href: '/employer' },
        { label: t.threads.inbox.title, href: '/employer/messages' },
        { label: thread.seekerName, href: `/employer/applications/${thread.applicationId}` },
        { label: t.threads.title },
      ];
    },
  },
};

const writerOf = (c: Context<AppEnv>, side: Side): Writer => ({
  ...side.owner(c),
  accountId: c.var.auth!.accountId,
});

interface ThreadData {
  thread: ThreadContext;
  entries: ThreadEntry[];
  offers: OfferWithSlots[];
  /** Entries the reader had not seen before this page (they are marked read as it is shown). */
  fresh: ReadonlySet<string>;
  refusal: ThreadRefusal | undefined;
}

async function loadThread(c: Context<AppEnv>, side: Side, opts: { markRead: boolean }): Promise<ThreadData> {
  const { db, clock, config } = c.var.deps;
  const thread = await findThread(db, side.owner(c), uuidParam(c));
  if (!thread) throw notFound('thread');
  const [entries, offers] = await Promise.all([
    listEntries(db, thread.applicationId),
    listOffers(db, thread.applicationId),
  ]);
  const fresh = new Set(entries.filter((e) => e.author !== side.side && !e.readAt).map((e) => e.id));
  if (opts.markRead && fresh.size > 0) {
    await markThreadRead(
      db,
      thread.applicationId,
      { side: side.side, accountId: c.var.auth!.accountId },
      clock.now(),
    );
  }
  return {
    thread,
    entries,
    offers,
    fresh,
    refusal: threadRefusal(thread, clock.now(), config.messageHoldMs),
  };
}

/** Why this reader may not write now, in their words (MS-1..MS-3). */
function RefusalNotice({ data, side }: { data: ThreadData; side: Side }) {
  const c = useRequestContext<AppEnv>();
  const r = c.var.t.threads.refusal;
  if (!data.refusal) return null;
  const until = formatTokyoDateTime(new Date(processingUntil(data.thread, c.var.deps.config.messageHoldMs)));
  const text = data.refusal === 'processing' ? r[side.side].processing(until) : r[side.side][data.refusal];
  return (
    <Notice kind="info" title={c.var.t.threads.refusalTitle}>
      <p id="thread-refusal">{text}</p>
    </Notice>
  );
}

function authorLabel(c: Context<AppEnv>, data: ThreadData, side: Side, author: ThreadAuthor): string {
  const t = c.var.t.threads;
  if (author === side.side) return t.you;
  return author === 'employer'
    ? t.fromEmployer(data.thread.employerName)
    : t.fromSeeker(data.thread.seekerName);
}

/** The slot an entry is about (booked or cancelled), from the offers shown. */
function slotOf(data: ThreadData, entry: ThreadEntry) {
  if (!entry.slotId) return undefined;
  return data.offers.flatMap((o) => o.slots).find((s) => s.id === entry.slotId);
}

/** The thread, oldest first. Also the live fragment `entries`. */
export function ThreadEntries({ data, side }: { data: ThreadData; side: Side }) {
  const c = useRequestContext<AppEnv>();
  const t = c.var.t.threads;
  const id = data.thread.applicationId;
  return (
    <section
      id="thread"
      aria-labelledby="thread-title"
      class="panel"
      data-live-fragment={`${side.base(id)}/messages/fragments/entries`}
      data-live-kinds="application.message"
    >
      <h2 id="thread-title">{t.history}</h2>
      {data.entries.length === 0 ? (
        <p id="thread-none">{t.none}</p>
      ) : (
        <ol class="thread" id="thread-entries">
          {data.entries.map((e) => {
            const mine = e.author === side.side;
            const slot = slotOf(data, e);
            const offer =
              e.kind === 'slots_offered' ? data.offers.find((o) => o.offer.id === e.offerId) : undefined;
            return (
              <li class={`thread-entry thread-entry--${mine ? 'mine' : 'theirs'}`} id={`entry-${e.id}`}>
                <p class="thread-entry__meta">
                  <span class="sender">{authorLabel(c, data, side, e.author)}</span>{' '}
                  <time datetime={e.createdAt.toISOString()}>{formatTokyoDateTime(e.createdAt)}</time>
                  {data.fresh.has(e.id) ? <span class="badge badge--new">{t.unread}</span> : null}
                </p>
                {e.kind !== 'text' ? (
                  <p class="thread-entry__kind">
                    <strong>{t.entry[e.kind]}</strong>
                    {slot ? `${c.var.t.common.colon}${t.interview.when(slot.startsAt)}` : null}
                    {offer ? `${c.var.t.common.colon}${t.interview.slotsCount(offer.slots.length)}` : null}
                  </p>
                ) : null}
                {e.body ? <p class="thread-entry__body">{e.body}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function NoteField({
  name,
  label,
  state,
  form,
}: {
  name: string;
  label: string;
  state?: FormState;
  form: FormName;
}) {
  const t = useRequestContext<AppEnv>().var.t.threads;
  const mine = state?.form === form ? state : undefined;
  return (
    <TextArea
      name={name}
      scope={form}
      label={label}
      hint={t.noteHint(MESSAGE_MAX)}
      value={mine?.values[name]}
      error={mine?.errors[name]}
      maxLength={MESSAGE_MAX}
      rows={3}
    />
  );
}

const keyOf = (state: FormState | undefined, form: FormName) =>
  state?.form === form ? state.key : randomUUID();

/** The refusal of a failed post, shown at the top of its form. */
function FormRefusal({ state, form }: { state?: FormState; form: FormName }) {
  const t = useRequestContext<AppEnv>().var.t.threads;
  if (state?.form !== form) return null;
  if (state.refusal && state.refusal !== 'invalid') {
    return (
      <Notice kind="error" title={t.refusalTitle}>
        <p class="form-refusal">{t.writeRefusal[state.refusal]}</p>
      </Notice>
    );
  }
  // Several step forms have a 'note': each form's is scoped by the form's name (NoteField).
  return <ErrorSummary errors={state.errors} scopes={{ note: state.form }} />;
}

/** A form of one interview step: its key, why a last post was refused, a note, and the button. */
function StepForm(props: {
  action: string;
  id: string;
  form: FormName;
  state?: FormState;
  note: string;
  submit: string;
  variant: 'primary' | 'secondary' | 'danger';
  children?: unknown;
}) {
  return (
    <form method="post" action={props.action} id={props.id} novalidate>
      <CsrfField />
      <input type="hidden" name="key" value={keyOf(props.state, props.form)} />
      <FormRefusal state={props.state} form={props.form} />
      {props.children}
      <NoteField name="note" label={props.note} state={props.state} form={props.form} />
      <div class="actions">
        <Button variant={props.variant}>{props.submit}</Button>
      </div>
    </form>
  );
}

/** The offer being arranged, and what this reader can do with it. Also the live fragment `interview`. */
export function InterviewPanel({ data, side, state }: { data: ThreadData; side: Side; state?: FormState }) {
  const c = useRequestContext<AppEnv>();
  const t = c.var.t.threads;
  const i = t.interview;
  const now = c.var.deps.clock.now();
  const id = data.thread.applicationId;
  const action = (offerId: string, verb: string) => `${side.base(id)}/messages/interviews/${offerId}/${verb}`;
  const current = data.offers.at(-1);
  const open = data.refusal === undefined;
  let body: unknown;
  if (!current) {
    body = <p id="interview-none">{side.side === 'employer' ? i.noneEmployer : i.none}</p>;
  } else {
    const { offer, slots } = current;
    const booked = slots.find((s) => s.id === offer.bookedSlotId);
    const pickable = pickableSlots(offer, slots, now);
    const slotOptions = pickable.map((s) => ({ value: s.id, label: i.when(s.startsAt) }));
    const rows: [string, string][] = [
      [i.stateLabel, i.state[offer.state]],
      [i.mode, i.modes[offer.mode]],
      [i.place, offer.place],
      [i.duration, i.minutes(offer.durationMinutes)],
    ];
    if (booked && offer.state === 'booked') rows.unshift([i.bookedAt, i.when(booked.startsAt)]);
    body = (
      <>
        <SummaryList id="interview-summary" rows={rows} />
        {offer.state === 'open' || (offer.state === 'booked' && pickable.length > 0) ? (
          <>
            <h3>{i.slotsTitle}</h3>
            <ul id="interview-slots">
              {slots.map((s) => (
                <li>
                  {i.when(s.startsAt)}
                  {s.id === offer.bookedSlotId && offer.state === 'booked' ? `（${i.state.booked}）` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {booked && offer.bookedSlotId && (offer.state === 'booked' || offer.state === 'cancelled') ? (
          <p>
            <a
              href={`${side.base(id)}/messages/interviews/${offer.id}/calendar.ics`}
              id="interview-ics"
              download
            >
              {offer.state === 'booked' ? i.ics : i.icsCancelled}
            </a>
          </p>
        ) : null}
        {open && side.side === 'seeker' && isLiveOffer(offer) && slotOptions.length > 0 ? (
          <StepForm
            action={action(offer.id, 'book')}
            id="book-form"
            form="book"
            state={state}
            note={i.note}
            submit={offer.state === 'booked' ? i.rebook : i.book}
            variant="primary"
          >
            <ChoiceGroup
              type="radio"
              name="slot"
              label={offer.state === 'booked' ? i.changeLegend : i.pickLegend}
              badge="required"
              options={slotOptions}
              value={state?.form === 'book' ? state.values.slot : undefined}
              error={state?.form === 'book' ? state.errors.slot : undefined}
            />
          </StepForm>
        ) : null}
        {open && side.side === 'seeker' && mayDecline(offer) ? (
          <StepForm
            action={action(offer.id, 'decline')}
            id="decline-form"
            form="decline"
            state={state}
            note={i.declineNote}
            submit={i.decline}
            variant="secondary"
          />
        ) : null}
        {open && mayCancelBooking(offer, booked, now) ? (
          <StepForm
            action={action(offer.id, 'cancel')}
            id="cancel-interview-form"
            form="cancel"
            state={state}
            note={i.cancelNote}
            submit={i.cancel}
            variant="danger"
          />
        ) : null}
      </>
    );
  }
  return (
    <section
      id="interview"
      aria-labelledby="interview-title"
      class="panel"
      data-live-fragment={`${side.base(id)}/messages/fragments/interview`}
      data-live-kinds="application.message"
    >
      <h2 id="interview-title">{i.title}</h2>
      {body}
    </section>
  );
}

const SLOT_ROWS = Array.from({ length: OFFER_SLOTS_MAX }, (_, n) => n);

function offerInputOf(values: Record<string, string>): OfferInput {
  return {
    mode: values.mode ?? '',
    place: values.place ?? '',
    duration: values.duration ?? '',
    slots: SLOT_ROWS.map((n) => ({
      date: values[`slot_${n}_date`] ?? '',
      time: values[`slot_${n}_time`] ?? '',
    })),
  };
}

/** The employer's form: 1–5 slots, mode, place, duration, and a note. */
function OfferForm({ data, side, state }: { data: ThreadData; side: Side; state?: FormState }) {
  const c = useRequestContext<AppEnv>();
  const o = c.var.t.threads.interview.offer;
  const mine = state?.form === 'offer' ? state : undefined;
  const v = mine?.values ?? {};
  const live = data.offers.some((x) => isLiveOffer(x.offer));
  return (
    <section id="offer" aria-labelledby="offer-title" class="panel">
      <h2 id="offer-title">{live ? o.changeTitle : o.title}</h2>
      <p>{o.lead}</p>
      {live ? <p id="offer-supersedes">{o.supersedes}</p> : null}
      <form
        method="post"
        action={`${side.base(data.thread.applicationId)}/messages/interviews`}
        id="offer-form"
        novalidate
      >
        <CsrfField />
        <input type="hidden" name="key" value={keyOf(state, 'offer')} />
        <FormRefusal state={state} form="offer" />
        <ChoiceGroup
          type="radio"
          name="mode"
          label={c.var.t.threads.interview.mode}
          badge="required"
          inline
          options={INTERVIEW_MODES.map((m) => ({ value: m, label: c.var.t.threads.interview.modes[m] }))}
          value={v.mode}
          error={mine?.errors.mode}
        />
        <TextField
          name="place"
          label={o.place}
          hint={o.placeHint(PLACE_MAX)}
          badge="required"
          value={v.place}
          error={mine?.errors.place}
          maxLength={PLACE_MAX}
        />
        <Select
          name="duration"
          label={c.var.t.threads.interview.duration}
          badge="required"
          placeholder={o.choose}
          options={INTERVIEW_DURATIONS.map((d) => ({
            value: String(d),
            label: c.var.t.threads.interview.minutes(d),
          }))}
          value={v.duration}
          error={mine?.errors.duration}
        />
        <fieldset class="fieldset" id="f-slots" aria-describedby="f-slots-hint">
          <legend class="field__label">{o.slots}</legend>
          <p class="field__hint" id="f-slots-hint">
            {o.slotsHint(OFFER_SLOTS_MAX)}
          </p>
          {mine?.errors.slots ? (
            <p class="field__error" id="f-slots-error">
              {mine.errors.slots}
            </p>
          ) : null}
          {SLOT_ROWS.map((n) => (
            <div class="slot-row">
              <TextField
                name={`slot_${n}_date`}
                label={o.date(n + 1)}
                type="date"
                width="medium"
                value={v[`slot_${n}_date`]}
                error={mine?.errors[`slot_${n}_date`]}
              />
              <TextField
                name={`slot_${n}_time`}
                label={o.time(n + 1)}
                type="time"
                width="short"
                value={v[`slot_${n}_time`]}
              />
            </div>
          ))}
        </fieldset>
        <NoteField name="note" label={o.note} state={state} form="offer" />
        <div class="actions">
          <Button>{o.submit}</Button>
        </div>
      </form>
    </section>
  );
}

function ComposeForm({ data, side, state }: { data: ThreadData; side: Side; state?: FormState }) {
  const c = useRequestContext<AppEnv>();
  const t = c.var.t.threads;
  const mine = state?.form === 'message' ? state : undefined;
  return (
    <section id="compose" aria-labelledby="compose-title" class="panel">
      <h2 id="compose-title">{c.var.t.applying.functions.newMessage}</h2>
      <form
        method="post"
        action={`${side.base(data.thread.applicationId)}/messages`}
        id="message-form"
        novalidate
      >
        <CsrfField />
        <input type="hidden" name="key" value={keyOf(state, 'message')} />
        <FormRefusal state={state} form="message" />
        <TextArea
          name="body"
          label={t.body}
          hint={t.bodyHint(MESSAGE_MAX)}
          badge="required"
          value={mine?.values.body}
          error={mine?.errors.body}
          maxLength={MESSAGE_MAX}
          rows={6}
        />
        <div class="actions">
          <Button>{t.send}</Button>
        </div>
      </form>
    </section>
  );
}

async function renderThread(
  c: Context<AppEnv>,
  side: Side,
  state?: FormState,
  status: 200 | 400 | 409 = 200,
) {
  markPersonal(c);
  const data = await loadThread(c, side, { markRead: true });
  const { t } = c.var;
  const done = c.req.query('done');
  const doneText = done && done in t.threads.done ? t.threads.done[done as ThreadEntryKind] : undefined;
  const counterpart = side.side === 'seeker' ? data.thread.employerName : data.thread.seekerName;
  return page(
    c,
    { title: t.threads.title, portal: side.portal, breadcrumbs: side.crumbs(c, data.thread) },
    <>
      {doneText && !state ? (
        <Notice kind="success">
          <p id="thread-done">{doneText}</p>
        </Notice>
      ) : null}
      <h1>{t.threads.title}</h1>
      <p id="thread-about">
        {data.thread.jobNumber} {data.thread.title}（{counterpart}）
      </p>
      <p>{t.threads.lead[side.side]}</p>
      <RefusalNotice data={data} side={side} />
      <ThreadEntries data={data} side={side} />
      <InterviewPanel data={data} side={side} state={state} />
      {/* A closed thread has no forms, except the one just refused: what was typed is kept (G-1). */}
      {data.refusal === undefined || state?.form === 'message' ? (
        <ComposeForm data={data} side={side} state={state} />
      ) : null}
      {side.side === 'employer' && (data.refusal === undefined || state?.form === 'offer') ? (
        <OfferForm data={data} side={side} state={state} />
      ) : null}
      <p>
        <a href={side.base(data.thread.applicationId)}>{t.threads.back}</a>
      </p>
    </>,
    status,
  );
}

/** What a post typed, as strings (the forms have no repeated fields). */
async function postedValues(c: Context<AppEnv>): Promise<Record<string, string>> {
  const values = await readForm(c);
  const out: Record<string, string> = {};
  for (const k of Object.keys(values)) out[k] = one(values, k);
  return out;
}

function messageErrors(c: Context<AppEnv>, name: string, body: string, required: boolean): FormErrors {
  const e = c.var.t.threads.errors;
  const p = messageProblem(normaliseMessage(body), required);
  return {
    [name]:
      p === 'body_missing' ? e.bodyMissing : p === 'body_too_long' ? e.bodyTooLong(MESSAGE_MAX) : undefined,
  };
}

function offerErrors(c: Context<AppEnv>, values: Record<string, string>): FormErrors {
  const e = c.var.t.threads.interview.errors;
  const checked = checkOffer(offerInputOf(values), c.var.deps.clock.now());
  const errors: FormErrors = messageErrors(c, 'note', values.note ?? '', false);
  if (checked.ok) return errors;
  const p = checked.problems;
  if (p.mode) errors.mode = e.mode;
  if (p.place) errors.place = p.place === 'missing' ? e.placeMissing : e.placeTooLong(PLACE_MAX);
  if (p.duration) errors.duration = e.duration;
  if (p.slots) errors.slots = p.slots === 'none' ? e.slotsNone : e.slotsTooMany(OFFER_SLOTS_MAX);
  for (const [row, problem] of p.rows) errors[`slot_${row}_date`] = e.slot[problem](row + 1);
  return errors;
}

/** After a post: back to the thread (303), or the page again with the form's input and why. */
async function answer(
  c: Context<AppEnv>,
  side: Side,
  outcome: WriteOutcome | null,
  form: FormName,
  values: Record<string, string>,
  errors: () => FormErrors,
): Promise<Response> {
  if (!outcome) throw notFound('thread');
  const id = uuidParam(c);
  if (outcome.ok) return c.redirect(`${side.base(id)}/messages?done=${outcome.entry.kind}#thread`, 303);
  const state: FormState = { form, key: values.key ?? randomUUID(), values, errors: {} };
  if (outcome.refusal === 'invalid') {
    return renderThread(c, side, { ...state, errors: errors(), refusal: 'invalid' }, 400);
  }
  return renderThread(c, side, { ...state, refusal: outcome.refusal }, 409);
}

/** A form's key: the one it was rendered with (a UUID), or a new one for a post without. */
const postedKey = (values: Record<string, string>) =>
  values.key && isUuid(values.key) ? values.key : randomUUID();

/** The thread routes of one side, mounted where that side's application pages are. */
export function threadRoutes(sideName: ThreadAuthor): Hono<AppEnv> {
  const side = SIDES[sideName];
  return new Hono<AppEnv>()
    .get('/:id/messages', (c) => renderThread(c, side))
    .get('/:id/messages/fragments/:part', async (c) => {
      markPersonal(c);
      const part = c.req.param('part');
      if (part !== 'entries' && part !== 'interview') throw notFound('thread fragment');
      // Shown on an open page: what is new is marked read as on the full page.
      const data = await loadThread(c, side, { markRead: true });
      const tree =
        part === 'entries' ? (
          <ThreadEntries data={data} side={side} />
        ) : (
          <InterviewPanel data={data} side={side} />
        );
      return fragment(c, tree);
    })
    .post('/:id/messages', async (c) => {
      markPersonal(c);
      const values = await postedValues(c);
      const outcome = await postMessage(c.var.deps, writerOf(c, side), uuidParam(c), {
        key: postedKey(values),
        body: values.body ?? '',
      });
      return answer(c, side, outcome, 'message', values, () =>
        messageErrors(c, 'body', values.body ?? '', true),
      );
    })
    .post('/:id/messages/interviews', async (c) => {
      markPersonal(c);
      if (side.side !== 'employer') throw notFound('route');
      const values = await postedValues(c);
      const outcome = await offerInterview(c.var.deps, writerOf(c, side), uuidParam(c), {
        key: postedKey(values),
        offer: offerInputOf(values),
        note: values.note ?? '',
      });
      return answer(c, side, outcome, 'offer', values, () => offerErrors(c, values));
    })
    .post('/:id/messages/interviews/:offer/:verb', async (c) => {
      markPersonal(c);
      const verb = c.req.param('verb');
      const offerId = uuidParam(c, 'offer');
      const values = await postedValues(c);
      const writer = writerOf(c, side);
      const input = { key: postedKey(values), offerId, note: values.note ?? '' };
      const noteErrors = () => messageErrors(c, 'note', values.note ?? '', false);
      if (verb === 'cancel') {
        const outcome = await cancelBooking(c.var.deps, writer, uuidParam(c), input);
        return answer(c, side, outcome, 'cancel', values, noteErrors);
      }
      if (side.side !== 'seeker') throw notFound('route');
      if (verb === 'decline') {
        const outcome = await declineOffer(c.var.deps, writer, uuidParam(c), input);
        return answer(c, side, outcome, 'decline', values, noteErrors);
      }
      if (verb !== 'book') throw notFound('route');
      const slotId = values.slot && isUuid(values.slot) ? values.slot : '';
      if (!slotId) {
        const errors = { ...noteErrors(), slot: c.var.t.threads.interview.errors.slotMissing };
        return renderThread(
          c,
          side,
          { form: 'book', key: input.key, values, errors, refusal: 'invalid' },
          400,
        );
      }
      const outcome = await bookSlot(c.var.deps, writer, uuidParam(c), { ...input, slotId });
      return answer(c, side, outcome, 'book', values, noteErrors);
    })
    .get('/:id/messages/interviews/:offer/calendar.ics', async (c) => {
      const { db, config } = c.var.deps;
      const thread = await findThread(db, side.owner(c), uuidParam(c));
      if (!thread) throw notFound('thread');
      const found = await findOffer(db, thread.applicationId, uuidParam(c, 'offer'));
      const slot = found?.slots.find((s) => s.id === found.offer.bookedSlotId);
      if (!found || !slot || (found.offer.state !== 'booked' && found.offer.state !== 'cancelled')) {
        throw notFound('interview');
      }
      const i = plainMessages(c.var.t).threads.interview;
      const counterpart = side.side === 'seeker' ? thread.employerName : thread.seekerName;
      const url = `${config.baseUrl}${side.base(thread.applicationId)}/messages`;
      const body = interviewCalendar(
        interviewEventOf(i, {
          offer: found.offer,
          startsAt: slot.startsAt,
          jobNumber: thread.jobNumber,
          title: thread.title,
          counterpart,
          url,
          baseUrl: config.baseUrl,
        }),
      );
      return c.body(body, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'attachment; filename="interview.ics"',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    });
}
