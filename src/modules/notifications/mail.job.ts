import { z } from 'zod';
import type { Mailer } from '../../adapters/mail/mailer.ts';
import type { Executor } from '../../db/client.ts';
import { defineJob, type JobSpec, type Queue } from '../../platform/queue.ts';

const mailPayload = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
});
export type MailPayload = z.infer<typeof mailPayload>;

/** One mail to send. Completed jobs are deleted after an hour: bodies can hold one-time codes. */
export const sendMailJob: JobSpec<MailPayload> = {
  name: 'mail.send',
  version: 1,
  schema: mailPayload,
  retryLimit: 8,
  retryDelaySeconds: 20,
  deleteAfterSeconds: 3600,
};

export const mailJobDefinition = (mailer: Mailer) =>
  defineJob(sendMailJob, async (mail) => {
    await mailer.send(mail);
  });

/** Queues a mail in the caller's transaction, so it goes out only if the change commits. */
export function queueMail(queue: Queue, mail: MailPayload, tx?: Executor): Promise<void> {
  return queue.enqueue(sendMailJob, mail, tx ? { tx } : {});
}
