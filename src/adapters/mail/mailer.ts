/** The mail port: what the rest of the code knows about sending mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * The RFC 5322 Message-ID, `<…@host>`. The mail job derives it from the delivery
   * (`mailMessageId`), so a mail sent again after a worker crash is the same message, which
   * receiving servers and clients recognise as a duplicate.
   */
  messageId?: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'capture';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * The Message-ID of a delivery's mail: the same for every send of one delivery (the mail job's
 * idempotency key, issue 15 F3), unique across deliveries, on the site's own host.
 */
export function mailMessageId(deliveryId: string, baseUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(baseUrl).hostname || host;
  } catch {
    // A malformed base URL is refused at boot (config.ts); keep a valid id anyway.
  }
  return `<delivery.${deliveryId.toLowerCase()}@${host}>`;
}
