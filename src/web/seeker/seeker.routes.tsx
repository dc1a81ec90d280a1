/**
 * The seeker's MyPage: ホーム, 求職活動状況, メッセージ, 求職者情報・設定 (SPEC MP-5..MP-9).
 * Every route runs behind requireRole('seeker') and reads only the signed-in seeker's rows.
 */

import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { findAccount, setMfa } from '../../modules/accounts/accounts.repository.ts';
import { changePassword } from '../../modules/accounts/change-password.ts';
import { inboxCursor } from '../../modules/notifications/read-inbox.ts';
import { registrationStatus } from '../../modules/seekers/registration.rules.ts';
import type { Seeker } from '../../modules/seekers/seekers.repository.ts';
import { findSeekerWithEmail } from '../../modules/seekers/seekers.repository.ts';
import {
  desiredConditionsSchema,
  desiredConditionsValues,
  toDesiredConditions,
} from '../../modules/seekers/seekers.schemas.ts';
import { setRegistrationActive } from '../../modules/seekers/set-registration-active.ts';
import { updateDesiredConditions } from '../../modules/seekers/update-desired-conditions.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { choice, secret } from '../../platform/fields.ts';
import { requireRole, seekerOf } from '../auth/guards.ts';
import { DesiredConditionsFields, desiredConditionLabels } from '../components/desired-conditions.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  TextField,
} from '../components/form.tsx';
import { postalAddress } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { readForm, validate } from '../forms.ts';
import { passwordMessage } from '../public/account-messages.ts';
import { PasswordFields, passwordShape, withPasswordConfirm } from '../public/account-views.tsx';
import { page } from '../render.tsx';
import { threadRoutes } from '../threads/thread-page.tsx';
import { seekerActivityRoutes } from './activity.tsx';
import { seekerCancelRoutes } from './application-cancel.tsx';
import { seekerApplicationRoutes } from './applications.tsx';
import { seekerApplyRoutes } from './apply.tsx';
import { HistoryDownloads, seekerHistoryRoutes } from './history.tsx';
import { HomeInformation } from './information.tsx';
import { seekerMessageRoutes } from './messages.tsx';
import { seekerReferralDetailRoutes } from './referral-detail.tsx';
import { HomeReferrals, seekerReferralRoutes } from './referrals.tsx';
import { seekerSearchRoutes } from './seeker-search.routes.tsx';

async function loadSeeker(c: Context<AppEnv>) {
  const row = await findSeekerWithEmail(c.var.deps.db, seekerOf(c).id);
  if (!row) throw new AppError('not_found', 'seeker');
  return row;
}

function StatusBadge({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const h = c.var.t.seeker.home;
  const status = registrationStatus(seeker, tokyoDate(c.var.deps.clock.now()));
  const label =
    status === 'active' ? h.statusActive : status === 'inactive' ? h.statusInactive : h.statusLapsed;
  return <span class={`status status--${status === 'active' ? 'valid' : 'invalid'}`}>{label}</span>;
}

function Home({ seeker }: { seeker: Seeker }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const h = t.seeker.home;
  const status = registrationStatus(seeker, tokyoDate(c.var.deps.clock.now()));
  return (
    <>
      <h1>{h.greeting(seeker.name)}</h1>
      {status === 'lapsed' ? <Notice kind="warning">{h.lapsedNote}</Notice> : null}
      {status === 'inactive' ? <Notice kind="warning">{h.inactiveNote}</Notice> : null}
      <section class="panel" aria-labelledby="home-registration">
        <h2 id="home-registration">{h.registration}</h2>
        <SummaryList
          rows={[
            [h.seekerNumber, seeker.seekerNumber ?? h.internetOnly],
            [h.status, <StatusBadge seeker={seeker} />],
            [h.validUntil, t.common.date(seeker.validUntil)],
          ]}
        />
      </section>
      <HomeReferrals seeker={seeker} />
      <HomeInformation seeker={seeker} />
      <section class="panel" aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{h.shortcutsTitle}</h2>
        <ul>
          <li>
            <a href="/jobs">{h.toSearch}</a>
          </li>
          <li>
            <a href="/mypage/favorites">{h.toFavorites}</a>
          </li>
          <li>
            <a href="/mypage/searches">{h.toSavedSearches}</a>
          </li>
          <li>
            <a href="/mypage/settings">{h.toSettings}</a>
          </li>
        </ul>
      </section>
    </>
  );
}

const statusSchema = z.object({ active: choice(['yes', 'no'] as const) });
const mfaSchema = z.object({ mfa: choice(['on', 'off'] as const) });
const passwordSchema = withPasswordConfirm(
  z.object({ currentPassword: secret({ max: 200 }), ...passwordShape }),
);

interface SettingsState {
  desired?: { values: FormValues; errors: FormErrors };
  password?: { errors: FormErrors };
}

function Settings({
  seeker,
  email,
  mfa,
  state,
}: {
  seeker: Seeker;
  email: string;
  mfa: boolean;
  state: SettingsState;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const s = t.seeker.settings;
  const saved = c.req.query('saved');
  const lapsed = registrationStatus(seeker, tokyoDate(c.var.deps.clock.now())) === 'lapsed';
  const desiredValues = state.desired?.values ?? desiredConditionsValues(seeker.desired);
  return (
    <>
      <h1>{s.title}</h1>
      {saved === 'desired' ? <Notice kind="success">{s.desiredSaved}</Notice> : null}
      {saved === 'active' || saved === 'inactive' ? (
        <Notice kind="success">{s.statusSaved(saved === 'active')}</Notice>
      ) : null}
      {saved === 'mfa-on' || saved === 'mfa-off' ? (
        <Notice kind="success">{s.mfaSaved(saved === 'mfa-on')}</Notice>
      ) : null}
      {saved === 'password' ? <Notice kind="success">{s.passwordSaved}</Notice> : null}
      {c.req.query('lapsed') ? <Notice kind="error">{s.statusLapsed}</Notice> : null}

      <section aria-labelledby="settings-profile">
        <h2 id="settings-profile">{s.profileTitle}</h2>
        <SummaryList
          rows={[
            [s.name, seeker.name],
            [s.nameKana, seeker.nameKana],
            [s.birthDate, t.common.date(seeker.birthDate)],
            [s.address, postalAddress(t, seeker.postalCode, seeker.address)],
            [s.phone, seeker.phone],
            [s.email, email],
            [t.seeker.home.seekerNumber, seeker.seekerNumber ?? t.seeker.home.internetOnly],
            [s.appliedOn, t.common.date(seeker.appliedOn)],
            [t.seeker.home.validUntil, s.validityNote(t.common.date(seeker.validUntil))],
          ]}
        />
        <p class="muted">{s.profileNote}</p>
      </section>

      <section aria-labelledby="settings-desired">
        <h2 id="settings-desired">{s.desiredTitle}</h2>
        <ErrorSummary errors={state.desired?.errors ?? {}} />
        <form method="post" action="/mypage/settings/desired" class="form" novalidate>
          <CsrfField />
          <DesiredConditionsFields values={desiredValues} errors={state.desired?.errors ?? {}} />
          <div class="actions">
            <Button>{s.desiredSave}</Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="settings-status">
        <h2 id="settings-status">{s.statusTitle}</h2>
        <p>{s.statusLead}</p>
        <form method="post" action="/mypage/settings/status" class="form" novalidate>
          <CsrfField />
          <ChoiceGroup
            type="radio"
            name="active"
            label={s.statusLabel}
            inline
            value={seeker.active ? 'yes' : 'no'}
            options={[
              { value: 'yes', label: s.statusActive },
              { value: 'no', label: s.statusInactive },
            ]}
          />
          {lapsed ? <p class="muted">{s.statusLapsed}</p> : null}
          <div class="actions">
            <Button variant="secondary">{s.statusSave}</Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="settings-security">
        <h2 id="settings-security">{s.securityTitle}</h2>
        <form method="post" action="/mypage/settings/mfa" class="form" novalidate>
          <CsrfField />
          <ChoiceGroup
            type="radio"
            name="mfa"
            label={s.mfaLabel}
            value={mfa ? 'on' : 'off'}
            options={[
              { value: 'on', label: s.mfaOn },
              { value: 'off', label: s.mfaOff },
            ]}
          />
          <div class="actions">
            <Button variant="secondary">{s.mfaSave}</Button>
          </div>
        </form>
        <h3 id="settings-password">{s.passwordTitle}</h3>
        <ErrorSummary errors={state.password?.errors ?? {}} />
        <form method="post" action="/mypage/settings/password" class="form" novalidate>
          <CsrfField />
          <TextField
            name="currentPassword"
            label={t.accounts.fields.currentPassword}
            type="password"
            autocomplete="current-password"
            error={state.password?.errors.currentPassword}
          />
          <PasswordFields errors={state.password?.errors ?? {}} autocomplete="new-password" />
          <div class="actions">
            <Button variant="secondary">{s.passwordSave}</Button>
          </div>
        </form>
      </section>

      <HistoryDownloads />
    </>
  );
}

async function renderSettings(c: Context<AppEnv>, state: SettingsState, status: 200 | 400 = 200) {
  const { seeker, email } = await loadSeeker(c);
  const account = await findAccount(c.var.deps.db, seeker.accountId);
  return page(
    c,
    { title: c.var.t.seeker.settings.title, portal: 'seeker' },
    <Settings seeker={seeker} email={email} mfa={account?.mfaEnabled ?? false} state={state} />,
    status,
  );
}

export function seekerPortal(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(requireRole('seeker'))
    .use(async (c, next) => {
      // An internet registration not finished yet: back to the wizard (MP-10).
      if (!c.var.auth?.seeker) return c.redirect('/signup/profile', 303);
      // Read before the page: the live stream the page opens sends everything after it (ADR 0018).
      if (c.req.method === 'GET') c.set('liveCursor', await inboxCursor(c.var.deps, c.var.auth.accountId));
      await next();
    })
    .route('/', seekerSearchRoutes())
    .route('/', seekerReferralRoutes())
    .route('/', seekerReferralDetailRoutes())
    .route('/', seekerMessageRoutes())
    .route('/', seekerApplyRoutes())
    .route('/', seekerApplicationRoutes())
    .route('/', seekerCancelRoutes())
    .route('/', seekerHistoryRoutes())
    .route('/applications', threadRoutes('seeker'))
    .get('/', async (c) => {
      const { seeker } = await loadSeeker(c);
      return page(c, { title: c.var.t.seeker.home.title, portal: 'seeker' }, <Home seeker={seeker} />);
    })
    .get('/settings', async (c) => renderSettings(c, {}))
    .post('/settings/desired', async (c) => {
      const values = await readForm(c);
      const v = validate(desiredConditionsSchema, values, desiredConditionLabels(c.var.t), c.var.t);
      if (!v.ok) return renderSettings(c, { desired: { values, errors: v.errors } }, 400);
      await updateDesiredConditions(c.var.deps, seekerOf(c).id, toDesiredConditions(v.data));
      return c.redirect('/mypage/settings?saved=desired', 303);
    })
    .post('/settings/status', async (c) => {
      const v = validate(
        statusSchema,
        await readForm(c),
        { active: c.var.t.seeker.settings.statusLabel },
        c.var.t,
      );
      if (!v.ok) return c.redirect('/mypage/settings', 303);
      const active = v.data.active === 'yes';
      const result = await setRegistrationActive(c.var.deps, seekerOf(c).id, active);
      if (!result.ok) return c.redirect('/mypage/settings?lapsed=1', 303);
      return c.redirect(`/mypage/settings?saved=${active ? 'active' : 'inactive'}`, 303);
    })
    .post('/settings/mfa', async (c) => {
      const v = validate(mfaSchema, await readForm(c), { mfa: c.var.t.seeker.settings.mfaLabel }, c.var.t);
      if (!v.ok) return c.redirect('/mypage/settings', 303);
      await setMfa(c.var.deps.db, c.var.auth!.accountId, v.data.mfa === 'on', c.var.deps.clock.now());
      return c.redirect(`/mypage/settings?saved=mfa-${v.data.mfa}`, 303);
    })
    .post('/settings/password', async (c) => {
      const f = c.var.t.accounts.fields;
      const labels = {
        currentPassword: f.currentPassword,
        password: f.password,
        passwordConfirm: f.passwordConfirm,
      };
      const v = validate(passwordSchema, await readForm(c), labels, c.var.t);
      if (!v.ok) return renderSettings(c, { password: { errors: v.errors } }, 400);
      const result = await changePassword(c.var.deps, {
        accountId: c.var.auth!.accountId,
        sessionId: c.var.auth!.id,
        current: v.data.currentPassword,
        password: v.data.password,
        locale: c.var.locale,
      });
      if (!result.ok) {
        const errors =
          result.field === 'currentPassword'
            ? { currentPassword: c.var.t.seeker.settings.passwordWrong }
            : { password: passwordMessage(c.var.t, result.problems, c.var.deps.passwords) };
        return renderSettings(c, { password: { errors } }, 400);
      }
      return c.redirect('/mypage/settings?saved=password', 303);
    })
    .route('/', seekerActivityRoutes());
}
