import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { isLocale } from '../../i18n/index.ts';
import { rememberLocale } from '../../modules/accounts/remember-locale.ts';
import { openJobCount } from '../../modules/jobs/open-job-count.ts';
import { writeCookie } from '../auth/cookies.ts';
import { ButtonLink } from '../components/form.tsx';
import type { AppEnv } from '../env.ts';
import { sameOriginPath } from '../redirects.ts';
import { page } from '../render.tsx';

function TopPage({ jobCount }: { jobCount: number }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t.top.title}</h1>
      <p class="lead">{t.top.lead}</p>
      <section class="panel" aria-labelledby="top-search">
        <h2 id="top-search">{t.top.searchHeading}</h2>
        <search>
          <form method="get" action="/jobs">
            <div class="field">
              <label class="field__label" for="top-kw">
                {t.top.searchLabel}
              </label>
              <input class="input input--long" id="top-kw" name="kw" type="search" maxlength={50} />
            </div>
            <button type="submit" class="button">
              {t.top.searchButton}
            </button>
          </form>
        </search>
        <p class="muted">{t.top.jobCount(jobCount)}</p>
      </section>
      <div class="grid-2">
        <section class="panel" aria-labelledby="top-seeker">
          <h2 id="top-seeker">{t.top.seekerHeading}</h2>
          <p>{t.top.openMyPageNote}</p>
          <p>
            <ButtonLink href="/mypage/open" variant="primary">
              {t.top.openMyPage}
            </ButtonLink>
          </p>
          <p>
            <ButtonLink href="/login">{t.top.seekerLogin}</ButtonLink>
          </p>
          <p>{t.top.signupInternetNote}</p>
          <p>
            <a href="/signup">{t.top.signupInternet}</a>
          </p>
        </section>
        <section class="panel" aria-labelledby="top-employer">
          <h2 id="top-employer">{t.top.employerHeading}</h2>
          <p>
            <ButtonLink href="/employer/login">{t.top.employerLogin}</ButtonLink>
          </p>
          <p>
            <a href="/employer/open">{t.top.employerOpen}</a>
          </p>
          <h2 id="top-staff">{t.top.staffHeading}</h2>
          <p>
            <a href="/staff/login">{t.top.staffLogin}</a>
          </p>
        </section>
      </div>
    </>
  );
}

export const topRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const jobCount = await openJobCount(c.var.deps.db, c.var.deps.clock.now());
    return page(c, { title: c.var.t.top.title }, <TopPage jobCount={jobCount} />);
  })
  // Language switch: a preference only, so a plain link works without JavaScript.
  .get('/locale', async (c) => {
    const asked = c.req.query('lang');
    const lang = isLocale(asked) ? asked : 'ja';
    writeCookie(c, 'lang', lang, 60 * 60 * 24 * 365);
    // Signed in: their mails follow the language they chose (ADR 0013).
    if (c.var.auth) await rememberLocale(c.var.deps.db, c.var.auth.accountId, lang);
    // Only addresses on this site: never redirect to another host.
    return c.redirect(sameOriginPath(c.req.query('next'), c.var.deps.config.baseUrl) ?? '/', 303);
  });
