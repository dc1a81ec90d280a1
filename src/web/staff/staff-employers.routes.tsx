/**
 * Staff console: 事業所 (SPEC ST-1). The list with search, registration with an automatic 事業所番号
 * and an optional 求人者マイページ login, and an employer's page. Mounted at /staff/employers behind
 * requireRole('staff').
 */

import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import type { Messages } from '../../i18n/index.ts';
import { employerRegistrationSchema } from '../../modules/employers/employer-registration.schemas.ts';
import {
  type Employer,
  findEmployerForStaff,
  listEmployers,
} from '../../modules/employers/employers.repository.ts';
import { addEmployerLogin, registerEmployer } from '../../modules/employers/register-employer.ts';
import { PREFECTURES } from '../../modules/geo/geo.data.ts';
import { INDUSTRY_CODES, type IndustryCode } from '../../modules/jobs/job.types.ts';
import { mayChangeAsOffice } from '../../modules/offices/office-scope.rules.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { email as emailField } from '../../platform/fields.ts';
import { requireHomeOffice, staffOf } from '../auth/guards.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  Select,
  TextArea,
  TextField,
} from '../components/form.tsx';
import { placeText, postalAddress } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { LIST_LIMIT, StaffList } from './staff-list.tsx';

type T = AppEnv['Variables']['t'];
type ListRow = Awaited<ReturnType<typeof listEmployers>>[number];

function crumbs(t: T, current?: string) {
  return [
    { label: t.nav.staffHome, href: '/staff' },
    ...(current
      ? [{ label: t.staff.employers.listTitle, href: '/staff/employers' }, { label: current }]
      : [{ label: t.staff.employers.listTitle }]),
  ];
}

/** 〒100-8916 東京都千代田区霞が関1-2-2 */
function location(
  t: Messages,
  e: Employer,
  locale: AppEnv['Variables']['locale'],
  withPostal = true,
): string {
  const place = placeText(locale, e.prefectureCode, `${e.city}${e.address}`);
  return withPostal ? postalAddress(t, e.postalCode, place) : place;
}

function MyPageState({ employer, email }: { employer: Employer; email: string | null }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.staff.employers;
  if (!email) return <>{s.mypageNoLogin}</>;
  return (
    <>
      {employer.mypageOpenedAt
        ? s.mypageOpenedOn(t.common.date(tokyoDate(employer.mypageOpenedAt)))
        : s.mypageNotOpened}
    </>
  );
}

// ---------------------------------------------------------------- list

function EmployerList({ query, rows }: { query: string; rows: ListRow[] }) {
  const { t, locale } = useRequestContext<AppEnv>().var;
  const s = t.staff.employers;
  return (
    <StaffList
      title={s.listTitle}
      path="/staff/employers"
      registerLabel={s.register}
      searchLabel={s.searchLabel}
      searchHint={s.searchHint}
      query={query}
      found={rows.length}
      emptyText={s.empty}
      noMatchText={s.noMatch(query)}
      caption={s.caption}
      tableId="employers"
      columns={[s.columns.number, s.columns.name, s.columns.location, s.columns.mypage]}
      rows={rows.slice(0, LIST_LIMIT).map(({ employer, email }) => (
        <tr>
          <td>{employer.establishmentNumber}</td>
          <td>
            <a href={`/staff/employers/${employer.id}`}>{employer.name}</a>
            <br />
            <span class="muted">{employer.nameKana}</span>
          </td>
          <td>{location(t, employer, locale, false)}</td>
          <td>
            <MyPageState employer={employer} email={email} />
          </td>
        </tr>
      ))}
    />
  );
}

// ---------------------------------------------------------------- registration

function registrationLabels(t: T): Record<string, string> {
  const f = t.staff.employers.fields;
  return {
    name: f.name,
    nameKana: f.nameKana,
    postalCode: f.postalCode,
    prefectureCode: f.prefectureCode,
    city: f.city,
    address: f.address,
    phone: f.phone,
    industryCode: f.industryCode,
    employeesTotal: f.employeesTotal,
    employeesAtWorkplace: f.employeesAtWorkplace,
    businessDescription: f.businessDescription,
    loginEmail: f.loginEmail,
  };
}

function RegisterForm({ values, errors }: { values: FormValues; errors: FormErrors }) {
  const { t, locale } = useRequestContext<AppEnv>().var;
  const s = t.staff.employers;
  const f = s.fields;
  return (
    <>
      <h1>{s.newTitle}</h1>
      <p>{s.newLead}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/employers/new" class="form" novalidate>
        <CsrfField />
        <section aria-labelledby="employer-basic">
          <h2 id="employer-basic">{s.basicLegend}</h2>
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
            name="phone"
            type="tel"
            label={f.phone}
            hint={f.phoneHint}
            value={one(values, 'phone')}
            error={errors.phone}
            width="medium"
            autocomplete="off"
            badge="required"
          />
        </section>
        <section aria-labelledby="employer-location">
          <h2 id="employer-location">{s.locationLegend}</h2>
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
          <Select
            name="prefectureCode"
            label={f.prefectureCode}
            value={one(values, 'prefectureCode')}
            error={errors.prefectureCode}
            placeholder={f.prefecturePlaceholder}
            options={PREFECTURES.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.name }))}
            badge="required"
          />
          <TextField
            name="city"
            label={f.city}
            hint={f.cityHint}
            value={one(values, 'city')}
            error={errors.city}
            width="medium"
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="address"
            label={f.address}
            hint={f.addressHint}
            value={one(values, 'address')}
            error={errors.address}
            autocomplete="off"
            badge="required"
          />
        </section>
        <section aria-labelledby="employer-scale">
          <h2 id="employer-scale">{s.scaleLegend}</h2>
          <Select
            name="industryCode"
            label={f.industryCode}
            value={one(values, 'industryCode')}
            error={errors.industryCode}
            placeholder={f.industryPlaceholder}
            options={INDUSTRY_CODES.map((code) => ({
              value: code,
              label: `${code} ${t.codes.industry[code]}`,
            }))}
            badge="required"
          />
          <TextField
            name="employeesTotal"
            label={f.employeesTotal}
            hint={f.employeesHint}
            value={one(values, 'employeesTotal')}
            error={errors.employeesTotal}
            inputmode="numeric"
            width="short"
            autocomplete="off"
            badge="required"
          />
          <TextField
            name="employeesAtWorkplace"
            label={f.employeesAtWorkplace}
            hint={f.employeesHint}
            value={one(values, 'employeesAtWorkplace')}
            error={errors.employeesAtWorkplace}
            inputmode="numeric"
            width="short"
            autocomplete="off"
            badge="required"
          />
          <TextArea
            name="businessDescription"
            label={f.businessDescription}
            value={one(values, 'businessDescription')}
            error={errors.businessDescription}
            maxLength={500}
            rows={3}
            badge="required"
          />
        </section>
        <section aria-labelledby="employer-login">
          <h2 id="employer-login">{s.loginLegend}</h2>
          <TextField
            name="loginEmail"
            type="email"
            label={f.loginEmail}
            hint={f.loginEmailHint}
            value={one(values, 'loginEmail')}
            error={errors.loginEmail}
            autocomplete="off"
            spellcheck={false}
            badge="optional"
          />
        </section>
        <div class="actions">
          <Button>{s.submit}</Button>
          <a href="/staff/employers">{s.cancel}</a>
        </div>
      </form>
    </>
  );
}

function renderRegister(c: Context<AppEnv>, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) {
  const t = c.var.t;
  return page(
    c,
    {
      title: t.staff.employers.newTitle,
      portal: 'staff',
      breadcrumbs: crumbs(t, t.staff.employers.newTitle),
    },
    <RegisterForm values={values} errors={errors} />,
    status,
  );
}

// ---------------------------------------------------------------- detail

function AddLoginForm({ employer, form }: { employer: Employer; form: LoginFormState }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.staff.employers;
  return (
    <form
      method="post"
      action={`/staff/employers/${employer.id}/login`}
      class="form"
      id="add-login"
      novalidate
    >
      <CsrfField />
      <h3>{s.addLogin.title}</h3>
      <p>{s.addLogin.lead}</p>
      <ErrorSummary errors={form.errors} />
      <TextField
        name="loginEmail"
        type="email"
        label={s.fields.loginEmail}
        value={one(form.values, 'loginEmail')}
        error={form.errors.loginEmail}
        autocomplete="off"
        spellcheck={false}
      />
      <div class="actions">
        <Button>{s.addLogin.submit}</Button>
      </div>
    </form>
  );
}

interface LoginFormState {
  values: FormValues;
  errors: FormErrors;
}

function EmployerDetail({
  employer,
  email,
  form,
}: {
  employer: Employer;
  email: string | null;
  form: LoginFormState;
}) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.var;
  const s = t.staff.employers;
  const d = s.detail;
  return (
    <>
      <h1>{employer.name}</h1>
      {c.req.query('registered') ? (
        <Notice kind="success" title={s.registered(employer.establishmentNumber)}>
          {email ? <p>{s.registeredMail(email)}</p> : null}
        </Notice>
      ) : null}
      {c.req.query('login') && email ? <Notice kind="success">{s.registeredMail(email)}</Notice> : null}
      {c.req.query('hasLogin') ? <Notice kind="info">{s.addLogin.hasLogin}</Notice> : null}
      <section class="panel" aria-labelledby="employer-data">
        <h2 id="employer-data">{s.detailTitle}</h2>
        <SummaryList
          id="employer"
          rows={[
            [d.number, employer.establishmentNumber],
            [d.name, employer.name],
            [d.nameKana, employer.nameKana],
            [d.location, location(t, employer, locale)],
            [d.phone, employer.phone],
            [d.industry, t.codes.industry[employer.industryCode as IndustryCode] ?? employer.industryCode],
            [
              d.employees,
              d.employeesValue(
                t.common.persons(employer.employeesTotal),
                t.common.persons(employer.employeesAtWorkplace),
              ),
            ],
            [d.business, employer.businessDescription],
            [d.office, employer.officeCode],
          ]}
        />
      </section>
      <section class="panel" aria-labelledby="employer-mypage">
        <h2 id="employer-mypage">{d.mypage}</h2>
        <SummaryList
          id="mypage"
          rows={[
            [d.loginEmail, email ?? d.noLogin],
            [d.mypage, <MyPageState employer={employer} email={email} />],
          ]}
        />
        {email ? null : mayChangeAsOffice(staffOf(c).officeCode, employer.officeCode) ? (
          <AddLoginForm employer={employer} form={form} />
        ) : (
          <Notice kind="info" title={t.staff.otherOffice.title}>
            <p id="other-office">{t.staff.otherOffice.employer(employer.officeCode)}</p>
          </Notice>
        )}
      </section>
      <p>
        <a href="/staff/employers">{s.backToList}</a>
      </p>
    </>
  );
}

const addLoginSchema = z.object({ loginEmail: emailField() });

async function renderDetail(
  c: Context<AppEnv>,
  id: string,
  form: LoginFormState = { values: {}, errors: {} },
  status: 200 | 400 = 200,
) {
  const row = await findEmployerForStaff(c.var.deps.db, id);
  if (!row) throw new AppError('not_found', 'employer');
  const t = c.var.t;
  return page(
    c,
    {
      title: `${row.employer.name} | ${t.staff.employers.detailTitle}`,
      portal: 'staff',
      breadcrumbs: crumbs(t, row.employer.name),
    },
    <EmployerDetail employer={row.employer} email={row.email} form={form} />,
    status,
  );
}

// ---------------------------------------------------------------- routes

export function staffEmployersRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const query = (c.req.query('q') ?? '').slice(0, 100).trim();
      const rows = await listEmployers(c.var.deps.db, query, LIST_LIMIT + 1);
      const t = c.var.t;
      return page(
        c,
        { title: t.staff.employers.listTitle, portal: 'staff', breadcrumbs: crumbs(t) },
        <EmployerList query={query} rows={rows} />,
      );
    })
    .get('/new', async (c) => renderRegister(c, {}, {}))
    .post('/new', async (c) => {
      const t = c.var.t;
      const values = await readForm(c);
      const v = validate(employerRegistrationSchema, values, registrationLabels(t), t);
      if (!v.ok) return renderRegister(c, values, v.errors, 400);
      const result = await registerEmployer(c.var.deps, { officeCode: staffOf(c).officeCode, data: v.data });
      if (!result.ok) {
        const s = t.staff.employers;
        const message = result.field === 'loginEmail' ? s.emailTaken : s.workplaceOverTotal;
        return renderRegister(c, values, { [result.field]: message }, 400);
      }
      return c.redirect(`/staff/employers/${result.employerId}?registered=1`, 303);
    })
    .get('/:id', async (c) => renderDetail(c, c.req.param('id')))
    .post('/:id/login', async (c) => {
      const t = c.var.t;
      const id = c.req.param('id');
      const row = await findEmployerForStaff(c.var.deps.db, id);
      if (!row) throw new AppError('not_found', 'employer');
      requireHomeOffice(c, row.employer.officeCode);
      const values = await readForm(c);
      const v = validate(addLoginSchema, values, { loginEmail: t.staff.employers.fields.loginEmail }, t);
      if (!v.ok) return renderDetail(c, id, { values, errors: v.errors }, 400);
      const result = await addEmployerLogin(c.var.deps, {
        employerId: row.employer.id,
        email: v.data.loginEmail,
      });
      if (!result.ok && result.problem === 'taken') {
        return renderDetail(c, id, { values, errors: { loginEmail: t.staff.employers.emailTaken } }, 400);
      }
      // Added twice (another tab, 戻る): the page says a login exists rather than failing.
      return c.redirect(`/staff/employers/${row.employer.id}?${result.ok ? 'login=1' : 'hasLogin=1'}`, 303);
    });
}
