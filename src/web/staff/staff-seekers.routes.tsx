/**
 * Staff console: 求職者 (SPEC MP-1, ST-1, MP-9). The list with search, 求職登録 at the counter (new, or
 * for somebody who registered on the internet), and a seeker's page with their registration, 求職情報
 * and 職業相談 history and form. Mounted at /staff/seekers behind requireRole('staff').
 */

import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { listCounselling } from '../../modules/counselling/counselling.repository.ts';
import { counsellingRefusal } from '../../modules/counselling/counselling.rules.ts';
import { counsellingSchema } from '../../modules/counselling/counselling.schemas.ts';
import { recordCounselling } from '../../modules/counselling/record-counselling.ts';
import { prefectureName } from '../../modules/geo/geo.data.ts';
import type { OccupationGroup, WageType } from '../../modules/jobs/job.types.ts';
import { mayChangeAsOffice } from '../../modules/offices/office-scope.rules.ts';
import { registerAtOffice } from '../../modules/seekers/register-at-office.ts';
import { registerSeeker } from '../../modules/seekers/register-seeker.ts';
import {
  type RegistrationStatus,
  registrationStatus,
  renewalRefusal,
  renewalValidUntil,
} from '../../modules/seekers/registration.rules.ts';
import { renewRegistration } from '../../modules/seekers/renew-registration.ts';
import type { DesiredConditions } from '../../modules/seekers/seeker.types.ts';
import { seekerRegistrationSchema } from '../../modules/seekers/seeker-registration.schemas.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import {
  findSeekerForStaff,
  listSeekersForStaff,
  type SeekerListRow,
} from '../../modules/seekers/seekers-admin.repository.ts';
import { listValidityHistory, type ValidityHistoryRow } from '../../modules/seekers/validity.repository.ts';
import { ageOn, formatTokyoDateTime, tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { staffOf } from '../auth/guards.ts';
import { DesiredConditionsFields, desiredConditionLabels } from '../components/desired-conditions.tsx';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { postalAddress } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { SeekerApplications } from './applications.tsx';
import { AccountDeliveries } from './deliveries.tsx';
import {
  SeekerInformation,
  SeekerNotice,
  staffInformationRoutes,
  staffSeekerNoticeRoutes,
} from './information.tsx';
import { SeekerReferrals, staffReferralRoutes } from './referrals.tsx';
import { loadSeekerToChange } from './seeker-context.ts';
import { LIST_LIMIT, StaffList } from './staff-list.tsx';

type T = AppEnv['Variables']['t'];

const today = (c: Context<AppEnv>) => tokyoDate(c.var.deps.clock.now());
const accountOf = (c: Context<AppEnv>) => {
  const auth = c.var.auth;
  if (!auth) throw new AppError('forbidden', 'not signed in');
  return auth.accountId;
};

function crumbs(t: T, current?: string) {
  return [
    { label: t.nav.staffHome, href: '/staff' },
    ...(current
      ? [{ label: t.staff.seekers.listTitle, href: '/staff/seekers' }, { label: current }]
      : [{ label: t.staff.seekers.listTitle }]),
  ];
}

/** Multi-line text as lines (table cells do not keep line breaks). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

function StatusLabel({ status }: { status: RegistrationStatus }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <span class={`status status--${status === 'active' ? 'valid' : 'invalid'}`}>
      {t.staff.seekers.status[status]}
    </span>
  );
}

// ---------------------------------------------------------------- list

function SeekerList({ query, rows }: { query: string; rows: SeekerListRow[] }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.staff.seekers;
  const on = today(c);
  return (
    <StaffList
      title={s.listTitle}
      path="/staff/seekers"
      registerLabel={s.register}
      searchLabel={s.searchLabel}
      searchHint={s.searchHint}
      query={query}
      found={rows.length}
      emptyText={s.empty}
      noMatchText={s.noMatch(query)}
      caption={s.caption}
      tableId="seekers"
      columns={[
        s.columns.number,
        s.columns.name,
        s.columns.kind,
        s.columns.email,
        s.columns.mypage,
        s.columns.validUntil,
        s.columns.status,
      ]}
      rows={rows.slice(0, LIST_LIMIT).map((r) => (
        <tr>
          <td>{r.seekerNumber ?? '―'}</td>
          <td>
            <a href={`/staff/seekers/${r.id}`}>{r.name}</a>
            <br />
            <span class="muted">{r.nameKana}</span>
          </td>
          <td>{s.kindShort[r.kind]}</td>
          <td>{r.email}</td>
          <td>{r.openedAt ? s.mypageOpened : s.mypageNotOpened}</td>
          <td>{t.common.date(r.validUntil)}</td>
          <td>
            <StatusLabel status={registrationStatus(r, on)} />
          </td>
        </tr>
      ))}
    />
  );
}

// ---------------------------------------------------------------- 求職登録 (MP-1)

function registrationLabels(t: T): Record<string, string> {
  const f = t.staff.seekers.fields;
  return {
    ...desiredConditionLabels(t),
    name: f.name,
    nameKana: f.nameKana,
    birthDate: f.birthDate,
    email: f.email,
    postalCode: f.postalCode,
    address: f.address,
    phone: f.phone,
  };
}

function RegisterForm({ values, errors }: { values: FormValues; errors: FormErrors }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.staff.seekers;
  const f = s.fields;
  return (
    <>
      <h1>{s.newTitle}</h1>
      <p>{s.newLead}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/seekers/new" class="form" novalidate>
        <CsrfField />
        <section aria-labelledby="register-personal">
          <h2 id="register-personal">{s.personalLegend}</h2>
          <TextField
            name="name"
            label={f.name}
            hint={f.nameHint}
            value={one(values, 'name')}
            error={errors.name}
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="nameKana"
            label={f.nameKana}
            hint={f.nameKanaHint}
            value={one(values, 'nameKana')}
            error={errors.nameKana}
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="birthDate"
            label={f.birthDate}
            hint={f.birthDateHint}
            value={one(values, 'birthDate')}
            error={errors.birthDate}
            width="medium"
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="email"
            type="email"
            label={f.email}
            hint={f.emailHint}
            value={one(values, 'email')}
            error={errors.email}
            autocomplete="off"
            spellcheck={false}
            badge="required"
          />
          <TextField
            name="postalCode"
            label={f.postalCode}
            hint={f.postalCodeHint}
            value={one(values, 'postalCode')}
            error={errors.postalCode}
            inputmode="numeric"
            width="short"
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="address"
            label={f.address}
            value={one(values, 'address')}
            error={errors.address}
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="phone"
            type="tel"
            label={f.phone}
            hint={f.phoneHint}
            value={one(values, 'phone')}
            error={errors.phone}
            width="medium"
            autocomplete="off"
            badge="optional"
          />
        </section>
        <section aria-labelledby="register-desired">
          <h2 id="register-desired">{s.desiredLegend}</h2>
          <DesiredConditionsFields values={values} errors={errors} />
        </section>
        <div class="actions">
          <Button>{s.submit}</Button>
          <a href="/staff/seekers">{s.cancel}</a>
        </div>
      </form>
    </>
  );
}

function renderRegister(c: Context<AppEnv>, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) {
  const t = c.var.t;
  return page(
    c,
    { title: t.staff.seekers.newTitle, portal: 'staff', breadcrumbs: crumbs(t, t.staff.seekers.newTitle) },
    <RegisterForm values={values} errors={errors} />,
    status,
  );
}

// ---------------------------------------------------------------- detail and 職業相談 (ST-1, MP-9)

type CounsellingRow = Awaited<ReturnType<typeof listCounselling>>[number];

interface CounsellingState {
  values: FormValues;
  errors: FormErrors;
}

function DesiredSummary({ desired }: { desired: DesiredConditions }) {
  const { t, locale } = useRequestContext<AppEnv>().var;
  const d = t.staff.seekers.desired;
  const place = [
    desired.prefectureCodes.map((p) => prefectureName(p, locale)).join(t.staff.list.separator),
    desired.cities,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <SummaryList
      id="desired"
      rows={[
        [d.occupation, desired.occupation],
        [
          d.occupationCodes,
          desired.occupationCodes
            .map((code) => t.codes.occupation[code as OccupationGroup] ?? code)
            .join(t.staff.list.separator),
        ],
        [d.workStyle, t.codes.seekerWorkStyle[desired.workStyle] ?? desired.workStyle],
        [
          d.employmentTypes,
          desired.employmentTypes
            .map((e) => t.codes.employmentType[e as keyof typeof t.codes.employmentType] ?? e)
            .join(t.staff.list.separator),
        ],
        [d.place, place],
        [
          d.wage,
          desired.wageMin === null
            ? t.common.notRequired
            : d.wageMin(t.codes.wageType[desired.wageType as WageType], t.common.yen(desired.wageMin)),
        ],
        [d.hours, desired.hours],
        [d.holidays, desired.holidays],
        [d.notes, desired.notes ? <Lines text={desired.notes} /> : ''],
      ]}
    />
  );
}

function CounsellingHistory({ sessions }: { sessions: CounsellingRow[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  const k = t.staff.counselling;
  if (sessions.length === 0) return <p>{k.none}</p>;
  return (
    <div class="table-wrap">
      <table id="counselling">
        <caption class="visually-hidden">{k.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{k.columns.heldOn}</th>
            <th scope="col">{k.columns.desiredConditions}</th>
            <th scope="col">{k.columns.notes}</th>
            <th scope="col">{k.columns.staff}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>{t.common.date(s.heldOn)}</td>
              <td>
                <Lines text={s.desiredConditions} />
              </td>
              <td>{s.notes ? <Lines text={s.notes} /> : '―'}</td>
              <td>{s.staffName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CounsellingForm({ seeker, state }: { seeker: Seeker; state: CounsellingState }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const k = t.staff.counselling;
  const lapsed = registrationStatus(seeker, today(c)) === 'lapsed';
  return (
    <>
      <h3 id="counselling-form">{k.formTitle}</h3>
      <p class="muted">{lapsed ? k.lapsedNote : k.extendNote}</p>
      <ErrorSummary errors={state.errors} />
      <form method="post" action={`/staff/seekers/${seeker.id}/counselling`} class="form" novalidate>
        <CsrfField />
        <TextField
          name="heldOn"
          label={k.heldOn}
          hint={k.heldOnHint}
          value={one(state.values, 'heldOn') || today(c)}
          error={state.errors.heldOn}
          width="medium"
          autocomplete="off"
          badge="required"
        />
        <TextArea
          name="desiredConditions"
          label={k.desiredConditions}
          hint={k.desiredConditionsHint}
          value={one(state.values, 'desiredConditions')}
          error={state.errors.desiredConditions}
          maxLength={1000}
          badge="required"
        />
        <TextArea
          name="notes"
          label={k.notes}
          hint={k.notesHint}
          value={one(state.values, 'notes')}
          error={state.errors.notes}
          maxLength={2000}
          rows={4}
          badge="optional"
        />
        <div class="actions">
          <Button>{k.submit}</Button>
        </div>
      </form>
    </>
  );
}

function ValidityHistory({ rows, seekerAccountId }: { rows: ValidityHistoryRow[]; seekerAccountId: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  const h = t.staff.seekers.validityHistory;
  return (
    <>
      <h3 id="validity-history-title">{h.title}</h3>
      {rows.length === 0 ? (
        <p>{h.none}</p>
      ) : (
        <div class="table-wrap">
          <table id="validity-history">
            <caption class="visually-hidden">{h.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{h.columns.changedAt}</th>
                <th scope="col">{h.columns.from}</th>
                <th scope="col">{h.columns.to}</th>
                <th scope="col">{h.columns.cause}</th>
                <th scope="col">{h.columns.by}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatTokyoDateTime(r.changedAt)}</td>
                  <td>{r.previousValidUntil ? t.common.date(r.previousValidUntil) : '―'}</td>
                  <td>{t.common.date(r.validUntil)}</td>
                  <td>{t.codes.validityCause[r.cause]}</td>
                  <td>{r.staffName ?? (r.changedBy === seekerAccountId ? h.seekerSelf : h.system)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** 再開 (MP-9): offered for a registered seeker whose registration lapsed or is in its final month. */
function RenewalPanel({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const r = t.staff.seekers.renewal;
  const on = today(c);
  if (renewalRefusal(seeker, on)) return null;
  const lapsed = registrationStatus(seeker, on) === 'lapsed';
  return (
    <div id="renewal" class="form">
      <h3>{r.title}</h3>
      <p>{lapsed ? r.lapsedLead : r.dueLead}</p>
      <div class="actions">
        <ButtonLink href={`/staff/seekers/${seeker.id}/renew`} variant="primary">
          {r.submit}
        </ButtonLink>
      </div>
    </div>
  );
}

function RenewConfirm({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const r = t.staff.seekers.renewal;
  const to = renewalValidUntil(today(c));
  return (
    <>
      <h1>{r.confirmTitle}</h1>
      <p id="renew-confirm">{r.confirm(t.common.date(seeker.validUntil), t.common.date(to))}</p>
      {seeker.active ? null : <p>{r.confirmActive}</p>}
      <form method="post" action={`/staff/seekers/${seeker.id}/renew`} class="form">
        <CsrfField />
        <div class="actions">
          <Button>{r.confirmSubmit}</Button>
          <a href={`/staff/seekers/${seeker.id}`}>{r.back}</a>
        </div>
      </form>
    </>
  );
}

function SeekerDetail({
  seeker,
  email,
  openedAt,
  sessions,
  history,
  counselling,
  refused,
}: {
  seeker: Seeker;
  email: string;
  openedAt: Date | null;
  sessions: CounsellingRow[];
  history: ValidityHistoryRow[];
  counselling: CounsellingState;
  refused: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.staff.seekers;
  const d = s.detail;
  const k = t.staff.counselling;
  const on = today(c);
  const registered = seeker.kind === 'registered';
  // Every office reads; only the home office changes (ADR 0014): others see why there is no form.
  const mayChange = mayChangeAsOffice(staffOf(c).officeCode, seeker.officeCode);
  const saved = c.req.query('saved');
  const notice: Child[] = [];
  if (c.req.query('registered') && seeker.seekerNumber) {
    notice.push(
      <Notice kind="success" title={s.registered(seeker.seekerNumber)}>
        <p>{s.registeredMail}</p>
      </Notice>,
    );
  }
  if (c.req.query('already')) notice.push(<Notice kind="info">{s.atOffice.already}</Notice>);
  const birth = c.req.query('birthDate');
  if (!registered && (birth === 'future' || birth === 'implausible')) {
    notice.push(
      <Notice kind="error" title={s.atOffice.birthDateTitle}>
        <p>{birth === 'future' ? s.birthDateFuture : s.birthDateImplausible}</p>
        <p>{s.atOffice.birthDateLead}</p>
      </Notice>,
    );
  }
  if (c.req.query('atOffice') && seeker.seekerNumber) {
    notice.push(
      <Notice kind="success" title={s.atOffice.done(seeker.seekerNumber)}>
        <p>{s.atOffice.doneMail}</p>
      </Notice>,
    );
  }
  if (c.req.query('renewed')) {
    notice.push(<Notice kind="success" title={s.renewal.done(t.common.date(seeker.validUntil))} />);
  }
  if (c.req.query('renew') === 'not_due') notice.push(<Notice kind="info">{s.renewal.notDue}</Notice>);
  if (saved === 'counselling') {
    notice.push(
      <Notice kind="success" title={k.saved}>
        {c.req.query('extended') ? <p>{k.extended(t.common.date(seeker.validUntil))}</p> : null}
      </Notice>,
    );
  }
  return (
    <>
      <h1>{seeker.name}</h1>
      {notice}
      {mayChange ? null : (
        <Notice kind="info" title={t.staff.otherOffice.title}>
          <p id="other-office">{t.staff.otherOffice.seeker(seeker.officeCode ?? '')}</p>
        </Notice>
      )}
      <section class="panel" aria-labelledby="seeker-registration">
        <h2 id="seeker-registration">{s.registrationTitle}</h2>
        <SummaryList
          id="registration"
          rows={[
            [d.number, seeker.seekerNumber ?? s.internetOnlyNumber],
            [d.kind, s.kind[seeker.kind]],
            [d.office, seeker.officeCode ?? ''],
            [d.appliedOn, t.common.date(seeker.appliedOn)],
            [d.validUntil, t.common.date(seeker.validUntil)],
            [d.status, <StatusLabel status={registrationStatus(seeker, on)} />],
            [d.mypage, openedAt ? s.mypageOpenedOn(t.common.date(tokyoDate(openedAt))) : s.mypageNotOpened],
          ]}
        />
        {registered && mayChange ? <RenewalPanel seeker={seeker} /> : null}
        <ValidityHistory rows={history} seekerAccountId={seeker.accountId} />
        {registered ? null : (
          <form method="post" action={`/staff/seekers/${seeker.id}/register`} class="form" id="at-office">
            <CsrfField />
            <h3>{s.atOffice.title}</h3>
            <p>{s.atOffice.lead}</p>
            <p>{s.atOffice.keeps}</p>
            <div class="actions">
              <Button>{s.atOffice.submit}</Button>
            </div>
          </form>
        )}
      </section>
      <section class="panel" aria-labelledby="seeker-profile">
        <h2 id="seeker-profile">{s.profileTitle}</h2>
        <SummaryList
          id="profile"
          rows={[
            [d.name, seeker.name],
            [d.nameKana, seeker.nameKana],
            [d.birthDate, d.birthDateWithAge(t.common.date(seeker.birthDate), ageOn(seeker.birthDate, on))],
            [d.email, email],
            [d.address, postalAddress(t, seeker.postalCode, seeker.address)],
            [d.phone, seeker.phone],
          ]}
        />
      </section>
      <section class="panel" aria-labelledby="seeker-desired">
        <h2 id="seeker-desired">{s.desiredTitle}</h2>
        <DesiredSummary desired={seeker.desired} />
      </section>
      <section class="panel" aria-labelledby="seeker-counselling">
        <h2 id="seeker-counselling">{k.title}</h2>
        <CounsellingHistory sessions={sessions} />
        {registered ? (
          mayChange ? (
            <CounsellingForm seeker={seeker} state={counselling} />
          ) : null
        ) : (
          <div id="counselling-refused">
            <Notice kind={refused ? 'error' : 'info'} title={k.internetOnlyTitle}>
              <p>{k.internetOnly}</p>
            </Notice>
          </div>
        )}
      </section>
      <SeekerReferrals
        seeker={seeker}
        openedAt={openedAt}
        lastCounsellingOn={sessions[0]?.heldOn}
        mayChange={mayChange}
      />
      <SeekerApplications seeker={seeker} />
      <SeekerInformation seeker={seeker} openedAt={openedAt} mayChange={mayChange} />
      <SeekerNotice seeker={seeker} openedAt={openedAt} mayChange={mayChange} />
      <AccountDeliveries accountId={seeker.accountId} email={email} />
      <p>
        <a href="/staff/seekers">{s.backToList}</a>
      </p>
    </>
  );
}

async function renderDetail(
  c: Context<AppEnv>,
  id: string,
  counselling: CounsellingState = { values: {}, errors: {} },
  status: 200 | 400 | 409 = 200,
) {
  const { db } = c.var.deps;
  const row = await findSeekerForStaff(db, id);
  if (!row) throw new AppError('not_found', 'seeker');
  const sessions = await listCounselling(db, row.seeker.id);
  const history = await listValidityHistory(db, row.seeker.id);
  const t = c.var.t;
  return page(
    c,
    {
      title: `${row.seeker.name} | ${t.staff.seekers.detailTitle}`,
      portal: 'staff',
      breadcrumbs: crumbs(t, row.seeker.name),
    },
    <SeekerDetail
      seeker={row.seeker}
      email={row.email}
      openedAt={row.openedAt}
      sessions={sessions}
      history={history}
      counselling={counselling}
      refused={status === 409}
    />,
    status,
  );
}

// ---------------------------------------------------------------- routes

export function staffSeekersRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', staffReferralRoutes())
    .route('/', staffInformationRoutes())
    .route('/', staffSeekerNoticeRoutes())
    .get('/', async (c) => {
      const query = (c.req.query('q') ?? '').slice(0, 100).trim();
      const rows = await listSeekersForStaff(c.var.deps.db, query, LIST_LIMIT + 1);
      const t = c.var.t;
      return page(
        c,
        { title: t.staff.seekers.listTitle, portal: 'staff', breadcrumbs: crumbs(t) },
        <SeekerList query={query} rows={rows} />,
      );
    })
    .get('/new', async (c) => renderRegister(c, {}, {}))
    .post('/new', async (c) => {
      const t = c.var.t;
      const values = await readForm(c);
      const v = validate(seekerRegistrationSchema, values, registrationLabels(t), t);
      if (!v.ok) return renderRegister(c, values, v.errors, 400);
      const result = await registerSeeker(c.var.deps, {
        officeCode: staffOf(c).officeCode,
        staffAccountId: accountOf(c),
        data: v.data,
      });
      if (!result.ok) {
        const s = t.staff.seekers;
        const message =
          result.field === 'email'
            ? result.problem === 'internet_only'
              ? s.emailInternetOnly
              : s.emailTaken
            : result.problem === 'future'
              ? s.birthDateFuture
              : s.birthDateImplausible;
        return renderRegister(c, values, { [result.field]: message }, 400);
      }
      return c.redirect(`/staff/seekers/${result.seekerId}?registered=1`, 303);
    })
    .get('/:id', async (c) => renderDetail(c, c.req.param('id')))
    .post('/:id/register', async (c) => {
      const row = await loadSeekerToChange(c);
      const result = await registerAtOffice(c.var.deps, {
        seekerId: row.seeker.id,
        officeCode: staffOf(c).officeCode,
        staffAccountId: accountOf(c),
      });
      // Sent twice (another tab, 戻る): the page says it is done already rather than failing.
      const outcome = result.ok
        ? 'atOffice=1'
        : result.problem === 'birth_date'
          ? `birthDate=${result.birthDate}`
          : 'already=1';
      return c.redirect(`/staff/seekers/${row.seeker.id}?${outcome}`, 303);
    })
    .get('/:id/renew', async (c) => {
      const row = await loadSeekerToChange(c);
      const { seeker } = row;
      if (renewalRefusal(seeker, today(c)))
        return c.redirect(`/staff/seekers/${seeker.id}?renew=not_due`, 303);
      const t = c.var.t;
      return page(
        c,
        {
          title: `${t.staff.seekers.renewal.confirmTitle} | ${seeker.name}`,
          portal: 'staff',
          breadcrumbs: [
            ...crumbs(t, seeker.name).slice(0, 2),
            { label: seeker.name, href: `/staff/seekers/${seeker.id}` },
            { label: t.staff.seekers.renewal.confirmTitle },
          ],
        },
        <RenewConfirm seeker={seeker} />,
      );
    })
    .post('/:id/renew', async (c) => {
      const row = await loadSeekerToChange(c);
      const result = await renewRegistration(c.var.deps, {
        seekerId: row.seeker.id,
        staffAccountId: accountOf(c),
      });
      // Sent twice (double click, 戻る): the second finds nothing to renew and says so.
      return c.redirect(`/staff/seekers/${row.seeker.id}?${result.ok ? 'renewed=1' : 'renew=not_due'}`, 303);
    })
    .post('/:id/counselling', async (c) => {
      const id = c.req.param('id');
      const t = c.var.t;
      const k = t.staff.counselling;
      const row = await loadSeekerToChange(c);
      if (counsellingRefusal(row.seeker)) return renderDetail(c, id, { values: {}, errors: {} }, 409);
      const values = await readForm(c);
      const labels = { heldOn: k.heldOn, desiredConditions: k.desiredConditions, notes: k.notes };
      const v = validate(counsellingSchema, values, labels, t);
      if (!v.ok) return renderDetail(c, id, { values, errors: v.errors }, 400);
      const result = await recordCounselling(c.var.deps, {
        seekerId: row.seeker.id,
        staffId: staffOf(c).id,
        staffAccountId: accountOf(c),
        data: v.data,
      });
      if (!result.ok) {
        if ('refusal' in result) return renderDetail(c, id, { values: {}, errors: {} }, 409);
        const message = result.problem === 'future' ? k.future : k.beforeRegistration;
        return renderDetail(c, id, { values, errors: { heldOn: message } }, 400);
      }
      return c.redirect(
        `/staff/seekers/${row.seeker.id}?saved=counselling${result.extendedTo ? '&extended=1' : ''}`,
        303,
      );
    });
}
