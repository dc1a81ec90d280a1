/** English strings: new-job alerts for saved conditions (ADR 0025). */
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nHello Work Internet Service\n${baseUrl}\nThis address does not receive replies.`;

export const alerts: Messages['alerts'] = {
  kind: 'New jobs for a saved search',
  frequency: { off: 'Off', daily: 'Daily', weekly: 'Weekly' },
  settings: {
    label: 'New-job alert e-mail',
    hint: 'We e-mail you new jobs that match this search (up to 20).',
    save: 'Save',
    current: (f) => `Now: ${f}`,
    saved: 'Your new-job alert setting has been changed.',
    inactive:
      'Your job-seeker registration is inactive or has expired, so no new-job alerts are sent. They resume once your registration is active again.',
  },
  mail: {
    subject: (searchName) => `[Hello Work] New jobs for your saved search (${searchName})`,
    body: (p) =>
      `Dear ${p.name},\n\nThere ${p.capped ? `are more than ${p.total - 1}` : p.total === 1 ? 'is 1' : `are ${p.total}`} new job${p.total === 1 ? '' : 's'} matching your saved search "${p.searchName}" (${p.frequency.toLowerCase()} alert).${
        p.jobs.length < p.total ? ` Here are the newest ${p.jobs.length}.` : ''
      }\n\n${p.jobs
        .map(
          (j) =>
            `■ ${j.title}\n  Job number: ${j.jobNumber}\n  Employer: ${j.employerName ?? '(not disclosed)'}\n  Place of work: ${j.place}\n  Wage: ${j.wage}\n  ${p.baseUrl}/jobs/${j.jobNumber}`,
        )
        .join(
          '\n\n',
        )}\n\nSee all of them in the search results:\n${p.searchUrl}\n\nYou can change this alert under "Saved searches" in your MyPage.\n${p.settingsUrl}\n\nStop this alert (no sign-in needed):\n${p.stopUrl}${signature(p.baseUrl)}`,
  },
  stop: {
    title: 'Stop the new-job alert',
    lead: (searchName) =>
      `This stops the new-job alert e-mail for your saved search "${searchName}". Press "Stop" to confirm.`,
    button: 'Stop',
    done: (searchName) => `The new-job alert e-mail for your saved search "${searchName}" has been stopped.`,
    already: 'This alert is already stopped.',
    invalidTitle: 'This link cannot be used',
    invalid:
      'The link is not valid, or the saved search was deleted. Please check the link in the e-mail, or change the setting under "Saved searches" in your MyPage.',
    settings: 'Go to saved searches',
  },
};
