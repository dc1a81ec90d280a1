/**
 * Types stored in the applications tables (import-free of the schema, so both the schema and the
 * modules use them). See ADR 0021.
 */
import type { LocalDate } from '../../platform/dates.ts';
import type { SelectionMethod } from '../jobs/job.types.ts';
import type { JobDetailView } from '../jobs/job-view.ts';

/**
 * 紹介・応募時の求人票 (AL): the 求人票 exactly as the seeker was shown it when they pressed 「応募」 —
 * the detail view with 公開範囲 already applied — as JSON (dates as ISO text).
 */
export interface JobSnapshot {
  takenAt: string;
  view: JobDetailView;
}

/** 紹介状 (AP-6), frozen when issued: what both MyPages show and the PDF prints. */
export interface ReferralLetterData {
  seekerName: string;
  seekerNameKana: string;
  seekerNumber: string;
  jobNumber: string;
  employerName: string;
  employerAddress: string;
  /** 職種: the job's title. */
  occupation: string;
  selectionMethods: SelectionMethod[];
  officeName: string;
  officeAddress: string;
  officePhone: string;
  issuedOn: LocalDate;
}
