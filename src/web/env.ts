import type { Deps } from '../deps.ts';
import type { Locale, Messages } from '../i18n/index.ts';
import type { Logger } from '../platform/logger.ts';
import type { Auth } from './auth/session.ts';
import type { FormPairs } from './body.ts';

export type Portal = 'public' | 'seeker' | 'employer' | 'staff';

export interface PageProps {
  title: string;
  portal?: Portal;
  /** Trail shown above the heading; the last item is the current page. */
  breadcrumbs?: { label: string; href?: string }[];
  /** The meta description; the portal's own (site.description) when absent. */
  description?: string;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    log: Logger;
    locale: Locale;
    t: Messages;
    auth: Auth | null;
    /** The browser's session had just expired (idle or absolute limit) when this request came. */
    endedSession: { id: string; accountId: string } | null;
    /** The form of this request was held for its account after its session ended (SPEC MP-10). */
    formKept: boolean;
    csrfToken: string;
    /** This response shows what the visitor typed: never stored by a cache (web/middleware.ts). */
    personal: boolean;
    /** The request's form fields, read once within the body limit (src/web/body.ts). */
    form: FormPairs;
    /** A multipart body left streaming for an upload route; its first part is the CSRF token. */
    streamedBody: boolean;
    /**
     * A seeker page: the inbox cursor read before the page (ADR 0018). The layout hands it to the
     * live-update script, whose stream then sends everything that arrived after it. Null elsewhere.
     */
    liveCursor: number | null;
  };
};
