/** English strings: notifications. Same shape as ../ja/notifications.ts. */
import type { Messages } from '../ja.ts';

export const notifications: Messages['notifications'] = {
  kind: {
    'account.open_key': 'Password registration key',
    'account.already_open': 'MyPage already opened',
    'account.signup_key': 'MyPage opening key',
    'account.office_registered': 'Registered at the office',
    'account.login_code': 'Sign-in code',
    'account.lock_notice': 'Sign-in temporarily restricted',
    'account.reset_key': 'Password reset key',
    'account.password_changed': 'Password changed',
    'seeker.registered': 'Job-seeking registration completed',
    'seeker.registered_at_office': 'Job-seeking registration completed (office)',
    'seeker.registration_expiring': 'Registration about to lapse',
    'employer.invitation': 'Invitation to open Employer MyPage',
  },
  status: { queued: 'Waiting', sent: 'Sent', failed: 'Failed' },
  deliveries: {
    title: 'Mail sent',
    lead: 'The latest mails sent to this seeker (to answer "I did not get the mail").',
    empty: 'No mail has been sent.',
    caption: 'Mails sent (newest first)',
    columns: {
      kind: 'Kind',
      status: 'Status',
      queuedAt: 'Queued',
      sentAt: 'Sent',
      attempts: 'Attempts',
      error: 'Reason for failure',
    },
  },
};
