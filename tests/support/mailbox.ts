/**
 * A real SMTP server in the test process: mail sent by the app over SMTP arrives here and is
 * parsed with postal-mime, so tests read what a user's mail client would show.
 */
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  /** The Message-ID header as sent (`<…@host>`), '' when the mail had none. */
  messageId: string;
}

export interface Mailbox {
  url: string;
  messages: ReceivedMail[];
  /** Mail to this address, newest last. */
  to(address: string): ReceivedMail[];
  last(address: string): ReceivedMail | undefined;
  clear(): void;
  /** From now on the server refuses mail to this address (550), as a real one refuses an unknown mailbox. */
  refuse(address: string): void;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      const error = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), {
        responseCode: 550,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const parsed = await PostalMime.parse(Buffer.concat(chunks));
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: parsed.from?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
          });
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const to = (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    last: (address) => to(address).at(-1),
    clear: () => {
      messages.length = 0;
    },
    refuse: (address) => {
      refused.add(address.toLowerCase());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The 認証キー / one-time code in a mail body (the first run of 6+ digits on its own line). */
export function codeIn(mail: ReceivedMail | undefined): string {
  const m = mail?.text.match(/^\s*(?:[^\d\n]*[:：]\s*)?(\d{6,})\s*$/m);
  if (!m) throw new Error(`no code in mail: ${mail?.subject ?? '(none)'}`);
  return m[1]!;
}
