/**
 * Tables as stacked rows on a narrow screen (issue 14, ADR 0036). On a phone a table of eight
 * columns scrolls sideways and loses its headers; app.css shows each row as a block instead, each
 * cell preceded by its column's name. That name comes from the header row: `labelTableCells` gives
 * every body cell (`<td>`, and the `<th scope="row">` of a row) a `data-label` with the text of its
 * column header, once, on the rendered page (src/web/render.tsx), so no table has to repeat its
 * headers and a new table is stacked by itself. Without CSS or on a wide screen nothing changes.
 *
 * The input is our own JSX output: text and attribute values are escaped, so `<` and `>` occur only
 * as markup and a header's text, with its tags removed, is already safe inside an attribute.
 */

const TAG = /<(\/?)(table|thead|tbody|tfoot|tr|th|td)\b([^>]*)>/gi;
const COLSPAN = /\bcolspan\s*=\s*"?(\d+)/i;

const span = (attrs: string): number => {
  const n = Number(COLSPAN.exec(attrs)?.[1] ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/** A header cell's text for an attribute: tags dropped, white space collapsed, quotes escaped. */
function headerText(inner: string): string {
  return inner
    .replace(/<[^>]*>/g, '')
    .replace(/"/g, '&quot;')
    .replace(/\s+/g, ' ')
    .trim();
}

interface TableState {
  headers: string[];
  section: 'head' | 'body';
  column: number;
  /** Where the header cell being read began (its content), or -1. */
  headerStart: number;
  headerSpan: number;
}

export function labelTableCells(html: string): string {
  if (!html.includes('<table')) return html;
  const stack: TableState[] = [];
  let out = '';
  let copied = 0;
  for (const m of html.matchAll(TAG)) {
    const [whole, closing, rawName, attrs = ''] = m;
    const name = (rawName ?? '').toLowerCase();
    const at = m.index;
    const table = stack.at(-1);
    if (name === 'table') {
      if (closing) stack.pop();
      else stack.push({ headers: [], section: 'body', column: 0, headerStart: -1, headerSpan: 1 });
      continue;
    }
    if (!table) continue;
    if (name === 'thead') {
      table.section = closing ? 'body' : 'head';
      continue;
    }
    if (name === 'tr') {
      table.column = 0;
      continue;
    }
    if (table.section === 'head') {
      if (name !== 'th') continue;
      if (!closing) {
        table.headerStart = at + whole.length;
        table.headerSpan = span(attrs);
      } else if (table.headerStart >= 0) {
        const text = headerText(html.slice(table.headerStart, at));
        for (let i = 0; i < table.headerSpan; i++) table.headers.push(text);
        table.headerStart = -1;
      }
      continue;
    }
    if (closing || (name !== 'td' && name !== 'th')) continue;
    const label = table.headers[table.column];
    table.column += span(attrs);
    if (!label || /\bdata-label\s*=/.test(attrs)) continue;
    const insertAt = at + 1 + name.length;
    out += `${html.slice(copied, insertAt)} data-label="${label}"`;
    copied = insertAt;
  }
  return copied === 0 ? html : out + html.slice(copied);
}
