/**
 * One walk over our own rendered HTML that rewrites its text and leaves its markup as it is: the
 * passes that add markup to text after JSX escaped it (ふりがな as <ruby>, src/i18n/ruby.ts; Japanese
 * marked lang="ja" on an English page, src/web/language-of-parts.ts) share it, so they agree on what
 * text is. The input is JSX output: `<` and `>` occur only as markup.
 */

/** Elements whose content is text only: no markup may be added inside them. */
const TEXT_ONLY = new Set(['title', 'option', 'textarea', 'script', 'style']);
/** Elements without an end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export interface HtmlTextRewrite {
  /** A run of text; `plain` inside a text-only element or one `keepPlain` chose (no markup there). */
  text(text: string, plain: boolean): string;
  /** A tag, attributes included (default: as it is). */
  tag?(tag: string): string;
  /** An element whose whole content is to stay plain too (e.g. already marked lang="ja"). */
  keepPlain?(tag: string): boolean;
}

export function rewriteHtmlText(html: string, rewrite: HtmlTextRewrite): string {
  let out = '';
  let i = 0;
  /** The element whose content is plain, and how deep inside elements of its name we are. */
  let plain: string | null = null;
  let depth = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) out += rewrite.text(html.slice(i, textEnd), plain !== null);
    if (lt === -1) break;
    const gt = html.indexOf('>', lt);
    const tagEnd = gt === -1 ? html.length : gt + 1;
    const tag = html.slice(lt, tagEnd);
    out += rewrite.tag ? rewrite.tag(tag) : tag;
    const name = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
    if (name) {
      const element = (name[2] ?? '').toLowerCase();
      const closing = name[1] === '/';
      if (plain === null) {
        const opens = !closing && !VOID.has(element) && !tag.endsWith('/>');
        if (opens && (TEXT_ONLY.has(element) || rewrite.keepPlain?.(tag))) {
          plain = element;
          depth = 1;
        }
      } else if (element === plain) {
        depth += closing ? -1 : 1;
        if (depth === 0) plain = null;
      }
    }
    i = tagEnd;
  }
  return out;
}
