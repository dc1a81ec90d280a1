/**
 * The .ics file of a booked interview (RFC 5545, through ical-generator; ADR 0023). One event per
 * offer: its UID stays the same when the seeker changes to another slot of the offer and SEQUENCE
 * grows, so a calendar that imported the first file updates the event; a cancelled booking is the
 * same event with STATUS:CANCELLED and METHOD:CANCEL. Times are written in UTC (…Z), which every
 * common calendar shows in the reader's own zone. All of a seeker's booked interviews are one
 * calendar of the same events (same UIDs), so importing it updates rather than doubles (ADR 0026).
 */
import ical, { type ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface InterviewEvent {
  offerId: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string;
  /** The thread's page for this reader. */
  url: string;
  cancelled: boolean;
  /** The service's host name, for a UID unique to this installation. */
  host: string;
  /** When the booking last changed (DTSTAMP). */
  stamp: Date;
}

function addEvent(calendar: ICalCalendar, e: InterviewEvent): void {
  calendar.createEvent({
    id: `interview-${e.offerId}@${e.host}`,
    sequence: e.sequence,
    stamp: e.stamp,
    start: e.startsAt,
    end: new Date(e.startsAt.getTime() + e.durationMinutes * 60_000),
    summary: e.summary,
    description: e.description,
    location: e.location,
    url: e.url,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const calendarOf = (method: ICalCalendarMethod) =>
  ical({ prodId: { company: 'hello-work-mypage', product: 'interview', language: 'JA' }, method });

/** One interview's file: PUBLISH, or CANCEL for a cancelled booking. */
export function interviewCalendar(e: InterviewEvent): string {
  const calendar = calendarOf(e.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  addEvent(calendar, e);
  return calendar.toString();
}

/** Several interviews in one calendar (PUBLISH), one VEVENT each, in the order given. */
export function interviewsCalendar(events: readonly InterviewEvent[]): string {
  const calendar = calendarOf(ICalCalendarMethod.PUBLISH);
  for (const e of events) addEvent(calendar, e);
  return calendar.toString();
}
