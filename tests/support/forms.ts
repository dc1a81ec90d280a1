/**
 * The forms of the app as a user sees them: every GET page a client can open, each `<form>` on it
 * with its method, action, the names of its fields and the values of its hidden inputs. Shared by
 * the fuzzing of form handlers (D1) and anything else that wants "the fields this POST takes".
 */
import type { Page, TestClient } from './http.ts';

export interface RenderedForm {
  /** The page it was found on. */
  page: string;
  method: 'GET' | 'POST';
  /** The action path without query (the page itself when the form has none). */
  action: string;
  /** Names of the visible fields (inputs, selects, textareas, buttons with a name), in order. */
  names: string[];
  /** Hidden inputs as rendered (a name may repeat), `_csrf` included. */
  hidden: [string, string][];
  multipart: boolean;
}

/** The forms of one page. */
export function formsOf(page: Page, path: string): RenderedForm[] {
  return page.dom.querySelectorAll('form').map((form) => {
    const hidden: [string, string][] = [];
    const names: string[] = [];
    for (const el of form.querySelectorAll('input, select, textarea, button')) {
      const name = el.getAttribute('name');
      if (!name) continue;
      if (el.tagName === 'INPUT' && el.getAttribute('type') === 'hidden')
        hidden.push([name, el.getAttribute('value') ?? '']);
      else if (!names.includes(name)) names.push(name);
    }
    const action = (form.getAttribute('action') ?? path).split('?')[0]!.split('#')[0]!;
    return {
      page: path,
      method: (form.getAttribute('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      action: action === '' ? path : action,
      names,
      hidden,
      multipart: (form.getAttribute('enctype') ?? '').toLowerCase() === 'multipart/form-data',
    };
  });
}

/**
 * Opens every path with `client` and returns the POST forms found, by action path (the first page
 * that shows a form for an action wins; later pages add the field names it lacked).
 */
export async function discoverPostForms(
  client: TestClient,
  paths: readonly string[],
): Promise<Map<string, RenderedForm>> {
  const out = new Map<string, RenderedForm>();
  for (const path of paths) {
    const page = await client.get(path);
    if (page.status !== 200 || !page.headers.get('content-type')?.includes('text/html')) continue;
    for (const form of formsOf(page, path)) {
      if (form.method !== 'POST') continue;
      const known = out.get(form.action);
      if (!known) out.set(form.action, form);
      else for (const n of form.names) if (!known.names.includes(n)) known.names.push(n);
    }
  }
  return out;
}
