/**
 * The accessibility check run on every page a journey visits: axe-core with the WCAG 2.0/2.1 A and AA
 * rules. A violation fails the test softly, so the journey goes on and every page's findings are
 * reported in one run; the message names the rule, the element and its HTML.
 */
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { describeProblems, htmlProblems } from '../../support/html-validity.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yFinding {
  url: string;
  rule: string;
  impact: string;
  help: string;
  target: string;
  html: string;
}

const withoutScripts = new WeakSet<BrowserContext>();

/**
 * For a context with JavaScript disabled: axe cannot run there (it is a script), so checkA11y does
 * nothing. The same pages are checked with JavaScript on in the other journeys.
 */
export function skipA11y(context: BrowserContext): void {
  withoutScripts.add(context);
}

/**
 * axe's findings on the page as it is now, one per element. Legacy mode runs axe in the page itself
 * (one call), which is several times faster than the default and loses nothing here: the app has no
 * cross-origin frames.
 */
export async function axeFindings(page: Page): Promise<A11yFinding[]> {
  const url = new URL(page.url());
  const where = `${url.pathname}${url.search}`;
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      url: where,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      target: n.target.map(String).join(' '),
      html: n.html,
    })),
  );
}

/** The HTML of the page as it is now must be valid (softly): html-validate's standard and WCAG rules. */
export async function checkHtml(page: Page, what?: string): Promise<void> {
  const problems = await htmlProblems(await page.content());
  const where = new URL(page.url()).pathname;
  expect
    .soft(
      problems.length,
      `html-validate: ${problems.length} error(s) on ${where}${what ? ` (${what})` : ''}\n${describeProblems(problems)}`,
    )
    .toBe(0);
}

/**
 * Runs axe and the HTML check on the page as it is now and expects no violations (softly: the
 * journey goes on).
 */
export async function checkA11y(page: Page, what?: string): Promise<A11yFinding[]> {
  await checkHtml(page, what);
  if (withoutScripts.has(page.context())) return [];
  const findings = await axeFindings(page);
  const where = findings[0]?.url ?? new URL(page.url()).pathname;
  if (findings.length > 0) {
    await test.info().attach(`axe ${where}`, {
      body: JSON.stringify(findings, null, 2),
      contentType: 'application/json',
    });
  }
  const report = findings.map((f) => `  ${f.rule} (${f.impact}): ${f.help}\n    ${f.target}\n    ${f.html}`);
  expect
    .soft(
      findings.length,
      `axe: ${findings.length} violation(s) on ${where}${what ? ` (${what})` : ''}\n${report.join('\n')}`,
    )
    .toBe(0);
  return findings;
}

/** Goes to a path, expects the response status, and checks the page. */
export async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await checkA11y(page);
}
