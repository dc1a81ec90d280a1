/**
 * Reading the mail the app sent. Without SMTP_URL the app keeps outgoing mail in a table shown at
 * /dev/mail (newest first); the worker sends queued mail within a second or two, so we poll.
 */
import { expect, type Page } from '@playwright/test';
import { checkA11y } from './a11y.ts';

export interface ReadMailOptions {
  /** Only a message whose subject contains this text. */
  subject?: string;
  /** How long to wait for the message (ms); 15 s by default, for a busy machine. */
  timeout?: number;
}

/**
 * Opens /dev/mail in a second tab of the same browser context (so the journey's page stays where
 * it is), finds the newest message to `to`, and returns its body.
 */
export async function readMail(page: Page, to: string, options: ReadMailOptions = {}): Promise<string> {
  const mail = await page.context().newPage();
  try {
    const deadline = Date.now() + (options.timeout ?? 15_000);
    for (;;) {
      await mail.goto('/dev/mail');
      let rows = mail.getByRole('row').filter({ has: mail.getByRole('cell', { name: to, exact: true }) });
      if (options.subject) rows = rows.filter({ hasText: options.subject });
      if ((await rows.count()) > 0) {
        await checkA11y(mail, 'mail list');
        await rows.first().getByRole('link').click();
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no mail to ${to}${options.subject ? ` about 「${options.subject}」` : ''} within the timeout`,
        );
      }
      await mail.waitForTimeout(250);
    }
    await expect(mail.getByTestId('mail-to')).toHaveText(to);
    await checkA11y(mail, 'mail');
    return (await mail.getByTestId('mail-body').textContent()) ?? '';
  } finally {
    await mail.close();
  }
}

/** The 認証キー or 認証コード in a mail body (a line like 「認証キー：123456」). */
export function codeFrom(body: string): string {
  const match = /認証(?:キー|コード)\s*[：:]\s*([0-9０-９]{4,10})/.exec(body);
  if (!match) throw new Error(`no 認証キー/認証コード in the mail:\n${body}`);
  return match[1]!.normalize('NFKC');
}
