/**
 * A small browser for the apply benchmark: one cookie jar per seeker over Node's fetch, redirects
 * not followed (the benchmark times each request on its own), every response read to its end and
 * timed from the first byte sent to the last byte received.
 */

export interface Response {
  status: number;
  location: string | null;
  html: string;
  /** Milliseconds from sending the request to the end of the response body. */
  ms: number;
}

/** The value of the first `<input … name="NAME" …>` in the page, whatever the attribute order. */
export function inputValue(html: string, name: string): string | undefined {
  for (const tag of html.matchAll(/<input\b[^>]*>/g)) {
    if (!new RegExp(`\\bname="${name}"`).test(tag[0])) continue;
    const value = /\bvalue="([^"]*)"/.exec(tag[0]);
    return value ? decodeEntities(value[1]!) : '';
  }
  return undefined;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The text of the element with this id (tags stripped), for error messages. */
export function textOf(html: string, id: string): string {
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
}

export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: Uint8Array | string,
    contentType?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (contentType) headers['content-type'] = contentType;
    const started = performance.now();
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: (body ?? null) as BodyInit | null,
      redirect: 'manual',
      signal: AbortSignal.timeout(120_000),
    });
    const html = await res.text();
    const ms = performance.now() - started;
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attrs] = set.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get('location'), html, ms };
  }

  /** The Cookie header this browser sends (for a request made by other means). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(
      'POST',
      path,
      new URLSearchParams(fields).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  /** Signs in through the real sign-in form (its CSRF token and cookies), as a browser would. */
  async signIn(email: string, password: string, loginPath = '/login'): Promise<void> {
    const form = await this.get(loginPath);
    const csrf = inputValue(form.html, '_csrf');
    if (form.status !== 200 || !csrf) throw new Error(`GET ${loginPath}: ${form.status}, no CSRF token`);
    const res = await this.postForm(loginPath, { _csrf: csrf, email, password });
    if (res.status !== 303) throw new Error(`sign-in of ${email}: ${res.status}`);
  }
}
