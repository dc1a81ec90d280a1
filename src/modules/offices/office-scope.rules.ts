/**
 * Which office's staff may do what (SPEC G-2; ADR 0014). Hello Work is one national service: staff
 * of every office may read every seeker, employer and 求人票 (a seeker may visit any office). Only
 * the home office (管轄) changes a record: the seeker's registration office, the employer's
 * office, the job's 受理安定所. A record without a home office yet (an internet-only seeker being
 * registered at the counter) may be taken on by any office. Pure.
 */
export function mayChangeAsOffice(staffOffice: string, homeOffice: string | null): boolean {
  return homeOffice === null || homeOffice === staffOffice;
}
