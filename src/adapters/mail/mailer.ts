/** The mail port: what the rest of the code knows about sending mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'capture';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
