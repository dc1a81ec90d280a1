/**
 * What a seeker takes away from 求職者情報・設定 (issue 16, ADR 0026): their own applications,
 * referral targets, booked interviews and お気に入り, oldest first. Every query is scoped by the
 * signed-in seeker's id in its WHERE clause, so another seeker's row can never be read.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  applications,
  employers,
  favorites,
  interviewOffers,
  interviewSlots,
  jobPostings,
  referralLetters,
  referrals,
} from '../../db/schema/index.ts';

/** The seeker's applications with job, employer and 紹介状番号, in the order they were made. */
export function listHistoryApplications(db: Executor, seekerId: string) {
  return db
    .select({
      id: applications.id,
      route: applications.route,
      state: applications.state,
      appliedAt: applications.appliedAt,
      cancelledAt: applications.cancelledAt,
      decidedAt: applications.decidedAt,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
      employerName: employers.name,
      letterNumber: referralLetters.letterNumber,
    })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .leftJoin(referralLetters, eq(referralLetters.applicationId, applications.id))
    .where(eq(applications.seekerId, seekerId))
    .orderBy(asc(applications.appliedAt), asc(applications.id));
}
export type HistoryApplicationRow = Awaited<ReturnType<typeof listHistoryApplications>>[number];

/** Every オンラインハローワーク紹介 target sent to the seeker, live or not (states derived by the caller). */
export function listHistoryReferrals(db: Executor, seekerId: string) {
  return db
    .select({
      id: referrals.id,
      state: referrals.state,
      sentAt: referrals.sentAt,
      applyBy: referrals.applyBy,
      appliedAt: referrals.appliedAt,
      declinedAt: referrals.declinedAt,
      closedAt: referrals.closedAt,
      job: {
        jobNumber: jobPostings.jobNumber,
        title: jobPostings.title,
        status: jobPostings.status,
        referralDeadline: jobPostings.referralDeadline,
        closedOn: jobPostings.closedOn,
      },
      employerName: employers.name,
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(eq(referrals.seekerId, seekerId))
    .orderBy(asc(referrals.sentAt), asc(referrals.id));
}
export type HistoryReferralRow = Awaited<ReturnType<typeof listHistoryReferrals>>[number];

/** The seeker's booked interviews (one per offer, at its booked slot), in time order. */
export function listBookedInterviews(db: Executor, seekerId: string) {
  return db
    .select({
      applicationId: applications.id,
      offer: interviewOffers,
      startsAt: interviewSlots.startsAt,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
      employerName: employers.name,
    })
    .from(interviewOffers)
    .innerJoin(applications, eq(applications.id, interviewOffers.applicationId))
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviewOffers.bookedSlotId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .where(and(eq(applications.seekerId, seekerId), eq(interviewOffers.state, 'booked')))
    .orderBy(asc(interviewSlots.startsAt), asc(interviewOffers.serial));
}
export type BookedInterviewRow = Awaited<ReturnType<typeof listBookedInterviews>>[number];

/** The seeker's お気に入り with the job's number, 職種 and state, newest first as on the page. */
export function listFavoriteJobs(db: Executor, seekerId: string) {
  return db
    .select({
      addedAt: favorites.createdAt,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
      status: jobPostings.status,
      referralDeadline: jobPostings.referralDeadline,
    })
    .from(favorites)
    .innerJoin(jobPostings, eq(jobPostings.id, favorites.jobId))
    .where(eq(favorites.seekerId, seekerId))
    .orderBy(desc(favorites.createdAt), desc(favorites.jobId));
}
export type FavoriteJobRow = Awaited<ReturnType<typeof listFavoriteJobs>>[number];
