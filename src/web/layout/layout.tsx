import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { type Locale, type Messages, messages } from '../../i18n/index.ts';
import { assetHref } from '../assets.ts';
import { CSRF_FIELD, csrfToken } from '../auth/csrf.ts';
import { EmployerNavUnread } from '../employer/employer-messages.tsx';
import type { AppEnv, PageProps, Portal } from '../env.ts';
import { NavUnread } from '../seeker/messages.tsx';

interface NavItem {
  href: string;
  label: string;
}

function navFor(portal: Portal, t: Messages): NavItem[] {
  switch (portal) {
    case 'employer':
      return [
        { href: '/employer', label: t.nav.employerHome },
        { href: '/employer/jobs', label: t.nav.employerJobs },
        { href: '/employer/applications', label: t.nav.employerApplications },
        { href: '/employer/messages', label: t.nav.employerMessages },
      ];
    case 'staff':
      return [
        { href: '/staff', label: t.nav.staffHome },
        { href: '/staff/seekers', label: t.nav.staffSeekers },
        { href: '/staff/employers', label: t.nav.staffEmployers },
        { href: '/staff/jobs', label: t.nav.staffJobs },
      ];
    default:
      // SPEC: seeker navigation is exactly ホーム · 求人検索 · 求職活動状況 · メッセージ · 求職者情報・設定.
      return [
        { href: '/mypage', label: t.nav.home },
        { href: '/jobs', label: t.nav.search },
        { href: '/mypage/activity', label: t.nav.activity },
        { href: '/mypage/messages', label: t.nav.messages },
        { href: '/mypage/settings', label: t.nav.settings },
      ];
  }
}

/** The language nav: 日本語 · やさしいにほんご · English, the current one left out (ADR 0034). */
const LANGUAGE_ORDER: readonly Locale[] = ['ja', 'ja-easy', 'en'] satisfies Locale[];

const loginPath: Record<Portal, string> = {
  public: '/login',
  seeker: '/login',
  employer: '/employer/login',
  staff: '/staff/login',
};

/** The current nav item: the longest href that prefixes the path. */
function currentHref(items: NavItem[], path: string): string | undefined {
  return items
    .filter((i) => path === i.href || path.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/**
 * The hook of the live-update script (src/web/assets/app.js, ADR 0018): where to listen, from which
 * cursor, and the one polite live region it announces through. Without JavaScript it is an empty,
 * silent element. Its data-state (connecting · open · closed) is what browser tests wait on.
 */
function LiveUpdates({
  src,
  cursor,
  announce,
  announceKinds,
}: {
  src: string;
  cursor: number;
  announce: string;
  /** A sentence for events of a kind, instead of `announce` (e.g. a message from the employer). */
  announceKinds: Record<string, string>;
}) {
  return (
    <live-updates
      id="live-updates"
      data-src={src}
      data-cursor={String(cursor)}
      data-announce={announce}
      data-announce-kinds={JSON.stringify(announceKinds)}
    >
      <p id="live-announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" />
    </live-updates>
  );
}

export function Layout({
  children,
  title,
  portal = 'public',
  breadcrumbs,
  description,
}: PageProps & { children?: Child }) {
  const c = useRequestContext<AppEnv>();
  const t = c.var.t;
  const auth = c.var.auth;
  const path = c.req.path;
  const items = navFor(portal, t);
  const current = currentHref(items, path);
  const portalName =
    portal === 'employer'
      ? t.site.employerPortal
      : portal === 'staff'
        ? t.site.staffPortal
        : t.site.seekerPortal;
  const currentLocale: Locale = c.var.locale ?? 'ja';
  const here = c.req.url.slice(new URL(c.req.url).origin.length);
  return (
    <html lang={t.locale.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${portalName} | ${t.site.name}`}</title>
        <meta name="description" content={description ?? t.site.description[portal]} />
        <link rel="icon" href={assetHref('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetHref('tokens.css')} />
        <link rel="stylesheet" href={assetHref('app.css')} />
        <script type="module" src={assetHref('app.js')} />
      </head>
      <body class={`portal-${portal}`}>
        <a class="skip-link" href="#main">
          {t.site.skipToContent}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a
              class="site-header__brand"
              href={portal === 'employer' ? '/employer' : portal === 'staff' ? '/staff' : '/'}
            >
              <span class="site-header__service">{t.site.name}</span>
              <span class="site-header__portal">{portalName}</span>
            </a>
            <div class="site-header__tools">
              <nav class="site-header__langs" aria-label={t.site.languageNav}>
                <ul>
                  {LANGUAGE_ORDER.filter((l) => l !== currentLocale).map((l) => (
                    <li>
                      <a
                        class="site-header__lang"
                        href={`/locale?lang=${l}&next=${encodeURIComponent(here)}`}
                        lang={messages(l).locale.htmlLang}
                        hreflang={messages(l).locale.htmlLang}
                      >
                        {messages(l).locale.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              {auth ? (
                <form method="post" action="/logout" class="site-header__logout">
                  <span class="site-header__user">{auth.displayName}</span>
                  <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />
                  <button type="submit" class="button button--secondary button--small">
                    {t.nav.logout}
                  </button>
                </form>
              ) : (
                <a class="button button--secondary button--small" href={loginPath[portal]}>
                  {t.nav.login}
                </a>
              )}
            </div>
          </div>
          <nav class="site-nav" aria-label={t.site.mainNav}>
            <ul class="site-nav__list">
              {items.map((item) => (
                <li>
                  <a href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                    {item.label}
                    {portal === 'seeker' && item.href === '/mypage/messages' ? <NavUnread /> : null}
                    {portal === 'employer' && item.href === '/employer/messages' ? (
                      <EmployerNavUnread />
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="main" tabindex={-1}>
          {breadcrumbs && breadcrumbs.length > 0 ? (
            <nav aria-label={t.site.breadcrumb} class="breadcrumbs">
              <ol>
                {breadcrumbs.map((b) => (
                  <li>
                    {b.href ? <a href={b.href}>{b.label}</a> : <span aria-current="page">{b.label}</span>}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          {children}
        </main>
        {portal === 'seeker' && auth && c.var.liveCursor !== null ? (
          <LiveUpdates
            src="/mypage/events"
            cursor={c.var.liveCursor}
            announce={t.seeker.messages.liveArrived}
            announceKinds={{ 'application.message': t.threads.liveArrived.seeker }}
          />
        ) : null}
        {portal === 'employer' && auth && c.var.liveCursor !== null ? (
          <LiveUpdates
            src="/employer/events"
            cursor={c.var.liveCursor}
            announce={t.threads.liveArrived.employerNotice}
            announceKinds={{ 'application.message': t.threads.liveArrived.employer }}
          />
        ) : null}
        <footer class="site-footer">
          <p>{t.site.footer}</p>
        </footer>
      </body>
    </html>
  );
}
