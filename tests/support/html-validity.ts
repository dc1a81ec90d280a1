/**
 * The HTML check every page of the tests gets (issue 14): html-validate's standard rules and its
 * WCAG techniques (wcag/h30 link text, h32 submit buttons, h36 image buttons, h37 alt, h63 table
 * headers, h67, h71 fieldset legends) on the markup as served. Errors only: a page either is valid
 * HTML or names what is wrong, with the line and the rule.
 */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:a11y'],
  rules: {
    // Pages are whole documents with <!DOCTYPE html>; the check is for markup, not formatting.
    'no-trailing-whitespace': 'off',
    // hono/jsx writes boolean attributes as `attr=""`, which HTML allows.
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    // From the recommended preset: no skipped heading level (h1 → h3), one h1 per page; every
    // field has a label.
    'heading-level': 'error',
    'input-missing-label': 'error',
  },
});

/**
 * What the Nu HTML Checker reports and html-validate has no rule for: an <option> with neither
 * text nor a label nor a value ("must not be empty"; a <datalist>'s options are their values).
 */
function emptyOptions(html: string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  for (const match of html.matchAll(/<option\b([^>]*)>\s*<\/option>/g)) {
    if (/\b(label|value)\s*=\s*"[^"]+"/.test(match[1] ?? '')) continue;
    const line = html.slice(0, match.index).split('\n').length;
    problems.push({ rule: 'empty-option', message: '<option> without text or label', line, selector: null });
  }
  return problems;
}

export interface HtmlProblem {
  rule: string;
  message: string;
  line: number;
  selector: string | null;
}

/** The errors html-validate (and the empty-option check) find in one page's HTML (empty: valid). */
export async function htmlProblems(html: string): Promise<HtmlProblem[]> {
  const report = await validator.validateString(html);
  return [
    ...report.results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, selector: m.selector })),
    ),
    ...emptyOptions(html),
  ];
}

/** One line per problem, for an assertion message. */
export function describeProblems(problems: HtmlProblem[]): string {
  return problems.map((p) => `  ${p.rule} (line ${p.line}, ${p.selector ?? '-'}): ${p.message}`).join('\n');
}
