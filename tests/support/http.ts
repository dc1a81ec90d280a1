/**
 * A small browser stand-in over app.request(): keeps cookies, remembers the last page's CSRF token
 * and sends it with form posts, and parses HTML so tests assert on what a user would see.
 */
import type { Hono } from 'hono';
import { type HTMLElement, parse } from 'node-html-parser';
import type { AppEnv } from '../../src/web/env.ts';

export type Fields = Record<string, string | string[] | undefined>;

export class Page {
  readonly dom: HTMLElement;
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly html: string,
  ) {
    this.dom = parse(html);
  }
  get location(): string | null {
    return this.headers.get('location');
  }
  /** Visible text of the page (or of the first match of a selector), whitespace collapsed. */
  text(selector?: string): string {
    const el = selector ? this.dom.querySelector(selector) : this.dom;
    return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  h1(): string {
    return this.text('h1');
  }
  /** The inline error shown for a field (by name). */
  fieldError(name: string): string | undefined {
    const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`;
    return this.dom.querySelector(`#${id}`)?.textContent.trim();
  }
  /** Messages of the error summary. */
  summary(): string[] {
    return this.dom.querySelectorAll('.error-summary__list a').map((a) => a.textContent.trim());
  }
  /** The value of an input as rendered (what the user typed is kept). */
  value(name: string): string | undefined {
    // Form controls only: <meta name="description"> is not the 仕事の内容 field.
    const el = this.dom.querySelector(
      ['input', 'textarea', 'select'].map((tag) => `${tag}[name="${name}"]`).join(', '),
    );
    if (!el) return undefined;
    if (el.tagName === 'TEXTAREA') return el.textContent;
    if (el.tagName === 'SELECT') return el.querySelector('option[selected]')?.getAttribute('value') ?? '';
    return el.getAttribute('value') ?? '';
  }
  checked(name: string, value: string): boolean {
    return (
      this.dom.querySelector(`input[name="${name}"][value="${value}"]`)?.hasAttribute('checked') ?? false
    );
  }
  /** A form's action and its hidden fields (a name may repeat), as a browser would send them. */
  hiddenForm(selector: string): { action: string; fields: Fields } {
    const form = this.dom.querySelector(selector);
    if (!form) throw new Error(`no form ${selector}`);
    const fields: Record<string, string[]> = {};
    for (const input of form.querySelectorAll('input[type="hidden"]')) {
      const name = input.getAttribute('name');
      if (name) fields[name] = [...(fields[name] ?? []), input.getAttribute('value') ?? ''];
    }
    return { action: form.getAttribute('action') ?? '', fields };
  }
  csrf(): string | undefined {
    return this.dom.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? undefined;
  }
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  lastPage: Page | undefined;

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly ip: string,
  ) {}

  async request(
    method: string,
    path: string,
    body?: BodyInit,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.request(path, {
      method,
      body: body ?? null,
      headers: { 'x-test-client-ip': this.ip, ...(cookie ? { cookie } : {}), ...headers },
      // A streamed body (chunked upload) needs half duplex in Node's fetch Request.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attrs] = set.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    // An event stream never ends by itself: a page-reading client (a crawl) just sees its headers.
    const stream = res.headers.get('content-type')?.includes('text/event-stream');
    if (stream) await res.body?.cancel();
    const page = new Page(res.status, res.headers, stream ? '' : await res.text());
    if (page.headers.get('content-type')?.includes('text/html')) this.lastPage = page;
    return page;
  }

  /** A GET whose response is handed back unread (an event stream), with this client's cookies. */
  async raw(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return this.app.request(path, {
      headers: { 'x-test-client-ip': this.ip, ...(cookie ? { cookie } : {}), ...headers },
    });
  }

  /** The Cookie header this client would send. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(path: string): Promise<Page> {
    return this.request('GET', path);
  }

  /** GET, following redirects (up to 5) like a browser. */
  async open(path: string): Promise<Page> {
    let page = await this.get(path);
    for (let i = 0; i < 5 && page.status >= 300 && page.status < 400 && page.location; i++) {
      page = await this.get(page.location);
    }
    return page;
  }

  /** POSTs a form with the CSRF token of the last page (unless one is given or `csrf: false`). */
  post(path: string, fields: Fields, options: { csrf?: string | false } = {}): Promise<Page> {
    const form = new URLSearchParams();
    const token = options.csrf === false ? undefined : (options.csrf ?? this.lastPage?.csrf());
    if (token) form.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    }
    return this.request('POST', path, form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  }

  /** Opens the form page first (for its CSRF token), posts, and follows the redirect if any. */
  async submit(formPath: string, fields: Fields, action = formPath): Promise<Page> {
    await this.get(formPath);
    const page = await this.post(action, fields);
    if (page.status === 303 && page.location) return this.open(page.location);
    return page;
  }
}
