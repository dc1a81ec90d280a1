/** An interview booking as a calendar event for one reader, in that reader's language (ADR 0023, 0026). */
import type { Messages } from '../../i18n/ja.ts';
import type { InterviewEvent } from '../../modules/threads/interview-ics.ts';
import type { InterviewOffer } from '../../modules/threads/threads.repository.ts';

export function interviewEventOf(
  i: Messages['threads']['interview'],
  p: {
    offer: InterviewOffer;
    startsAt: Date;
    jobNumber: string;
    title: string;
    /** The other side's name: the employer for the seeker, the seeker for the employer. */
    counterpart: string;
    /** The thread's page for this reader. */
    url: string;
    baseUrl: string;
  },
): InterviewEvent {
  return {
    offerId: p.offer.id,
    sequence: p.offer.sequence,
    startsAt: p.startsAt,
    durationMinutes: p.offer.durationMinutes,
    summary: i.calendarSummary(p.title, p.counterpart),
    description: i.calendarDescription({
      jobNumber: p.jobNumber,
      title: p.title,
      mode: i.modes[p.offer.mode],
      place: p.offer.place,
      url: p.url,
    }),
    location: p.offer.place,
    url: p.url,
    cancelled: p.offer.state === 'cancelled',
    host: new URL(p.baseUrl).host,
    stamp: p.offer.updatedAt,
  };
}
