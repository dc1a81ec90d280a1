/**
 * One's own history to take away (issue 16, ADR 0026): the downloads of 求職者情報・設定 — the
 * applications and referrals as CSV and as the PDF 「求職活動の記録」, the booked interviews as one
 * .ics, お気に入り and the saved search conditions as CSV. Mounted under /mypage (requireRole
 * 'seeker'); everything is read for the signed-in seeker only. Every file is an attachment with an
 * RFC 6266 name (the date it was made, no personal data), no-store and nosniff.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { messages, plainMessages } from '../../i18n/index.ts';
import type { Messages } from '../../i18n/ja.ts';
import { renderActivityRecordPdf } from '../../modules/history/activity-record.pdf.ts';
import type { ActivityRecord } from '../../modules/history/history.rules.ts';
import { readActivity, readBookedInterviews, readSeekerLists } from '../../modules/history/read-history.ts';
import { isJobValid } from '../../modules/jobs/job.rules.ts';
import { findSeeker } from '../../modules/seekers/seekers.repository.ts';
import { interviewsCalendar } from '../../modules/threads/interview-ics.ts';
import { toCsv } from '../../platform/csv.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { seekerOf } from '../auth/guards.ts';
import { contentDisposition } from '../content-disposition.ts';
import type { AppEnv } from '../env.ts';
import { interviewEventOf } from '../threads/interview-event.ts';

const BASE = '/mypage/settings/history';
type FileKind = keyof Messages['history']['files'];

const PATHS: Record<FileKind, string> = {
  activityCsv: `${BASE}/activity.csv`,
  activityPdf: `${BASE}/activity.pdf`,
  interviewsIcs: `${BASE}/interviews.ics`,
  favoritesCsv: `${BASE}/favorites.csv`,
  searchesCsv: `${BASE}/saved-searches.csv`,
};
const TYPES: Record<FileKind, string> = {
  activityCsv: 'text/csv; charset=utf-8',
  activityPdf: 'application/pdf',
  interviewsIcs: 'text/calendar; charset=utf-8',
  favoritesCsv: 'text/csv; charset=utf-8',
  searchesCsv: 'text/csv; charset=utf-8',
};
/** The route under the seeker portal (mounted at /mypage). */
const route = (kind: FileKind) => PATHS[kind].slice('/mypage'.length);
const ASCII_NAMES = messages('en').history.files;

/** 求職者情報・設定's section: each download with what it holds (Japanese first, as every page). */
export function HistoryDownloads() {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.history.section;
  const items: [FileKind, string, string][] = [
    ['activityCsv', s.activityCsv, s.activityCsvNote],
    ['activityPdf', s.activityPdf, s.activityPdfNote],
    ['interviewsIcs', s.interviewsIcs, s.interviewsIcsNote],
    ['favoritesCsv', s.favoritesCsv, s.favoritesCsvNote],
    ['searchesCsv', s.searchesCsv, s.searchesCsvNote],
  ];
  return (
    <section aria-labelledby="settings-history" id="settings-history-section">
      <h2 id="settings-history">{s.title}</h2>
      <p>{s.lead}</p>
      <dl class="downloads" id="history-downloads">
        {items.map(([kind, label, note]) => (
          <>
            <dt>
              <a href={PATHS[kind]} id={`history-${kind}`} download>
                {label}
              </a>
            </dt>
            <dd>{note}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

function download(c: Context<AppEnv>, kind: FileKind, body: string | Uint8Array): Response {
  const today = tokyoDate(c.var.deps.clock.now());
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'Content-Type': TYPES[kind],
    'Content-Disposition': contentDisposition(
      plainMessages(c.var.t).history.files[kind](today),
      ASCII_NAMES[kind](today),
    ),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

/** HI-1..HI-3 as the labelled cells of both files. */
function activityCells(t: Messages, r: ActivityRecord) {
  const h = t.history;
  return {
    on: r.on,
    kind: r.kind === 'referral' ? h.kind.referral : h.kind.application[r.route],
    state: r.kind === 'referral' ? t.referrals.state[r.state] : t.applying.state[r.state],
    endedOn: r.endedOn ?? '',
    letterNumber: r.kind === 'application' ? (r.letterNumber ?? '') : '',
    applyBy: r.kind === 'referral' ? r.applyBy : '',
  };
}

export function seekerHistoryRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get(route('activityCsv'), async (c) => {
      // Files carry ふりがな as plain text, never the page's ruby (ADR 0034).
      const t = plainMessages(c.var.t);
      const col = t.history.activityColumns;
      const records = await readActivity(c.var.deps, seekerOf(c).id);
      const csv = toCsv(
        [
          col.on,
          col.kind,
          col.jobNumber,
          col.employer,
          col.title,
          col.state,
          col.endedOn,
          col.letterNumber,
          col.applyBy,
        ],
        records.map((r) => {
          const cell = activityCells(t, r);
          return [
            cell.on,
            cell.kind,
            r.jobNumber,
            r.employerName,
            r.title,
            cell.state,
            cell.endedOn,
            cell.letterNumber,
            cell.applyBy,
          ];
        }),
      );
      return download(c, 'activityCsv', csv);
    })
    .get(route('activityPdf'), async (c) => {
      // Files carry ふりがな as plain text, never the page's ruby (ADR 0034).
      const t = plainMessages(c.var.t);
      const seeker = await findSeeker(c.var.deps.db, seekerOf(c).id);
      if (!seeker) throw new AppError('not_found', 'seeker');
      const records = await readActivity(c.var.deps, seeker.id);
      const p = t.history.pdf;
      const pdf = await renderActivityRecordPdf(
        {
          seekerName: seeker.name,
          seekerNumber: seeker.seekerNumber ?? undefined,
          createdOn: t.common.date(tokyoDate(c.var.deps.clock.now())),
          rows: records.map((r) => {
            const cell = activityCells(t, r);
            return {
              on: t.common.date(r.on),
              kind: cell.kind,
              job: p.job(r.jobNumber, r.employerName, r.title),
              state: r.endedOn ? p.stateOn(cell.state, t.common.date(r.endedOn)) : cell.state,
            };
          }),
        },
        p,
      );
      return download(c, 'activityPdf', pdf);
    })
    .get(route('interviewsIcs'), async (c) => {
      // Files carry ふりがな as plain text, never the page's ruby (ADR 0034).
      const t = plainMessages(c.var.t);
      const { baseUrl } = c.var.deps.config;
      const rows = await readBookedInterviews(c.var.deps, seekerOf(c).id);
      const calendar = interviewsCalendar(
        rows.map((r) =>
          interviewEventOf(t.threads.interview, {
            offer: r.offer,
            startsAt: r.startsAt,
            jobNumber: r.jobNumber ?? '',
            title: r.title,
            counterpart: r.employerName,
            url: `${baseUrl}/mypage/applications/${r.applicationId}/messages`,
            baseUrl,
          }),
        ),
      );
      return download(c, 'interviewsIcs', calendar);
    })
    .get(route('favoritesCsv'), async (c) => {
      // Files carry ふりがな as plain text, never the page's ruby (ADR 0034).
      const t = plainMessages(c.var.t);
      const { baseUrl } = c.var.deps.config;
      const col = t.history.favoriteColumns;
      const today = tokyoDate(c.var.deps.clock.now());
      const { favorites } = await readSeekerLists(c.var.deps, seekerOf(c).id);
      const csv = toCsv(
        [col.addedOn, col.jobNumber, col.title, col.status, col.url],
        favorites.map((f) => [
          tokyoDate(f.addedAt),
          f.jobNumber ?? '',
          f.title,
          isJobValid(f, today) ? t.history.favoriteStatus.open : t.history.favoriteStatus.closed,
          f.jobNumber ? `${baseUrl}/jobs/${f.jobNumber}` : '',
        ]),
      );
      return download(c, 'favoritesCsv', csv);
    })
    .get(route('searchesCsv'), async (c) => {
      // Files carry ふりがな as plain text, never the page's ruby (ADR 0034).
      const t = plainMessages(c.var.t);
      const { baseUrl } = c.var.deps.config;
      const col = t.history.searchColumns;
      const { searches } = await readSeekerLists(c.var.deps, seekerOf(c).id);
      const csv = toCsv(
        [col.name, col.savedOn, col.conditions, col.url],
        searches.map((s) => [
          s.name,
          tokyoDate(s.createdAt),
          decodeQuery(s.query),
          `${baseUrl}/jobs?${s.query}`,
        ]),
      );
      return download(c, 'searchesCsv', csv);
    });
}

/** The saved query string as a person reads it: name=value pairs, decoded, joined by " / ". */
function decodeQuery(query: string): string {
  return [...new URLSearchParams(query)]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(' / ');
}
