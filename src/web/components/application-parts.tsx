/**
 * Parts both MyPages show of an application (ADR 0021): its documents with their scan state, and
 * the 紹介状 as a printable page. The employer's list links clean documents only (EM-1, AP-5).
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { type Messages, plainMessages } from '../../i18n/index.ts';
import type {
  Application,
  ApplicationDocument,
  ReferralLetter,
} from '../../modules/applications/applications.repository.ts';
import { findLetter } from '../../modules/applications/applications.repository.ts';
import {
  referralLetterFileName,
  renderReferralLetterPdf,
} from '../../modules/applications/referral-letter.pdf.ts';
import { replyPromise } from '../../modules/applications/reply.rules.ts';
import { documentsErasure } from '../../modules/applications/retention.rules.ts';
import { withheldReason } from '../../modules/documents/scan.rules.ts';
import { formatTokyoDateTime, type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { contentDisposition } from '../content-disposition.ts';
import type { AppEnv } from '../env.ts';
import { ButtonLink } from './form.tsx';
import { SummaryList } from './summary-list.tsx';

/**
 * DR-1, DR-2: the summary row both MyPages show on each application that took documents through
 * MyPage — when they were erased and why, or the day they will be (N = DOCUMENT_RETENTION_MONTHS
 * after the job closes). Null for an application whose documents went by post or otherwise (AP-4).
 */
export function erasureRow(
  c: Context<AppEnv>,
  app: Pick<Application, 'documentsByMypage' | 'documentsErasedAt' | 'documentsErasedCause'>,
  closedOn: LocalDate | null,
): [string, string] | null {
  if (!app.documentsByMypage) return null;
  const { t } = c.var;
  const r = t.applying.retention;
  const months = c.var.deps.config.documentRetentionMonths;
  const e = documentsErasure(app, { closedOn }, months);
  if (e.kind === 'erased') return [r.erasedLabel, r.erased(formatTokyoDateTime(e.at), r.causes[e.cause])];
  if (e.kind === 'scheduled') return [r.label, r.scheduled(t.common.date(e.on), r.period(months))];
  return [r.label, r.afterClose(r.period(e.months))];
}

/**
 * The reply promise (ADR 0023): the 「回答予定日」 row both MyPages show on an application whose 求人票
 * promised days (none otherwise). Once it has passed without a result it says so in words — to the
 * seeker that Hello Work is checking, to the employer how many days and what to do.
 */
export function replyRow(
  c: Context<AppEnv>,
  app: Pick<Application, 'id' | 'state' | 'replyDueOn'>,
  audience: 'seeker' | 'employer',
): [string, Child] | null {
  const { t } = c.var;
  const r = t.applying.reply;
  const p = replyPromise(app, tokyoDate(c.var.deps.clock.now()));
  if (p.kind === 'none') return null;
  const date = t.common.date(p.dueOn);
  if (p.kind !== 'overdue') {
    return [r.label, <span id={`reply-${app.id}`}>{date}</span>];
  }
  return [
    r.label,
    <span id={`reply-${app.id}`} data-overdue="true">
      {date}
      <strong class="reply-overdue">
        {audience === 'seeker' ? r.seekerOverdue : r.employerOverdue(p.days)}
      </strong>
    </span>,
  ];
}

/** 取消 (CX) as both MyPages show it: when, the reason, the 備考. */
export function cancelRows(c: Context<AppEnv>, app: Application): [string, string][] {
  if (app.state !== 'cancelled' || !app.cancelledAt) return [];
  const x = c.var.t.applying.cancel;
  return [
    [x.cancelledAt, formatTokyoDateTime(app.cancelledAt)],
    [x.cancelledReason, app.cancelReason ? x.reasons[app.cancelReason] : ''],
    [x.cancelledNote, app.cancelNote ?? ''],
  ];
}

/** 選考結果 (EM-3) as both MyPages show it: the result, when, and the 相違 with what differs. */
export function resultRows(c: Context<AppEnv>, app: Application): [string, string][] {
  if ((app.state !== 'hired' && app.state !== 'not_hired') || !app.decidedAt) return [];
  const r = c.var.t.applying.result;
  const rows: [string, string][] = [
    [r.result, r.results[app.state]],
    [r.decidedAt, formatTokyoDateTime(app.decidedAt)],
    [r.conditions, r.conditionsValues[app.conditionsDiffer ? 'yes' : 'no']],
  ];
  if (app.conditionsDiffer) rows.push([r.conditionsNoteShort, app.conditionsNote ?? '']);
  return rows;
}

export function DocumentList({
  documents,
  audience,
  applicationId,
  erased = false,
}: {
  documents: ApplicationDocument[];
  audience: 'seeker' | 'employer';
  applicationId: string;
  /** DR-2: erased documents are not listed, only that they were erased. */
  erased?: boolean;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const a = t.applying;
  if (erased && documents.length > 0) return <span id="documents-erased">{a.retention.erasedDocuments}</span>;
  if (documents.length === 0) return <span>{a.detail.noDocuments}</span>;
  // Fail closed, and say so (ADR 0020): without a scanner, documents stay 確認中 and are not delivered.
  const scannerOff =
    c.var.deps.virusScanner.kind === 'unavailable' && documents.some((d) => d.scanState === 'pending');
  return (
    <>
      {scannerOff ? (
        <p class="notice notice--warning" id="scan-unavailable">
          {a.scanUnavailableNote}
        </p>
      ) : null}
      <ul class="document-list" id="document-list">
        {documents.map((d) => {
          const deliverable = d.scanState === 'clean' && d.storageKey !== null;
          return (
            <li data-scan={d.scanState}>
              <span>
                {a.kind[d.kind]}
                {t.common.colon}
              </span>
              {audience === 'employer' && deliverable ? (
                <a href={`/employer/applications/${applicationId}/documents/${d.id}`} download>
                  {d.originalName}
                </a>
              ) : (
                <span>{d.originalName}</span>
              )}{' '}
              <span class="muted">{t.common.paren(a.detail.fileSize(d.size))}</span>{' '}
              <span class={`scan-state scan-state--${d.scanState}`}>{scanLabel(a, audience, d)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A document's scan state as its reader sees it; a withheld one says whether it was suspect or unreadable. */
function scanLabel(a: Messages['applying'], audience: 'seeker' | 'employer', d: ApplicationDocument): string {
  const employer = audience === 'employer';
  if (d.scanState === 'withheld') {
    const unreadable = withheldReason(d.scanFinding) === 'unreadable';
    if (employer) return unreadable ? a.employer.withheldUnreadable : a.employer.withheld;
    return unreadable ? a.withheldUnreadable : a.scan.withheld;
  }
  if (employer && d.scanState === 'pending') return a.employer.pending;
  return a.scan[d.scanState];
}

const selectionText = (t: Messages, methods: readonly string[]) =>
  methods.map((m) => (t.codes.selectionMethod as Record<string, string>)[m] ?? m).join(t.common.list);

/** The 紹介状 as a PDF download for its copy (AP-6): no-store, nosniff, a file name without personal data. */
export async function letterPdfResponse(
  c: Context<AppEnv>,
  letter: ReferralLetter,
  copyFor: 'seeker' | 'employer',
): Promise<Response> {
  const t = plainMessages(c.var.t);
  const d = letter.data;
  const view = {
    letterNumber: letter.letterNumber,
    issuedOn: letter.issuedOn,
    seekerName: d.seekerName,
    seekerNameKana: d.seekerNameKana,
    seekerNumber: d.seekerNumber,
    jobNumber: d.jobNumber,
    employerName: d.employerName,
    employerAddress: d.employerAddress,
    occupation: d.occupation,
    selectionMethod: selectionText(t, d.selectionMethods),
    officeName: d.officeName,
    officeAddress: d.officeAddress,
    officePhone: d.officePhone,
    copyFor,
  };
  const pdf = await renderReferralLetterPdf(view, t.applying.letter);
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': contentDisposition(referralLetterFileName(view)).replace(/^attachment/, 'inline'),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

/** The 紹介状 of an application already read for this viewer (a 自主応募 has none: 404). */
export async function letterOf(c: Context<AppEnv>, applicationId: string): Promise<ReferralLetter> {
  const letter = await findLetter(c.var.deps.db, applicationId);
  if (!letter) throw notFound('letter');
  return letter;
}

/** 紹介状 (AP-6): the seeker's 本人控え or the employer's copy, printable, with its PDF. */
export function LetterView({
  letter,
  copy,
  pdfHref,
}: {
  letter: ReferralLetter;
  copy: 'seeker' | 'employer';
  pdfHref: string;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const l = t.applying.letter;
  const d = letter.data;
  const methods = selectionText(t, d.selectionMethods);
  return (
    <article class="referral-letter" aria-labelledby="letter-title">
      <h1 id="letter-title">{copy === 'seeker' ? l.seekerCopy : l.title}</h1>
      <p>{l.sentence}</p>
      <SummaryList
        id="letter-fields"
        rows={[
          [l.number, letter.letterNumber],
          [l.issuedOn, t.common.date(letter.issuedOn)],
          [l.seeker, `${d.seekerName}（${d.seekerNameKana}）`],
          [l.seekerNumber, d.seekerNumber],
          [l.jobNumber, d.jobNumber],
          [l.employer, d.employerName],
          [l.employerAddress, d.employerAddress],
          [l.occupation, d.occupation],
          [l.selection, methods],
          [l.office, [d.officeName, d.officeAddress, d.officePhone].filter(Boolean).join('　')],
        ]}
      />
      <p class="actions no-print">
        <ButtonLink href={pdfHref}>{l.pdf}</ButtonLink>
      </p>
    </article>
  );
}

/**
 * 応募内容 (AL, EM-1): when and how, the state (with the 回答予定日, a cancel's reason and, for the
 * seeker, the 選考結果), 志望動機, 備考, the documents with their scan state and when they are
 * erased — the same rows in both MyPages; the employer's page puts the applicant's rows first.
 */
export function ApplicationContent({
  app,
  documents,
  audience,
  closedOn,
  lead = [],
}: {
  app: Application;
  documents: ApplicationDocument[];
  audience: 'seeker' | 'employer';
  closedOn: LocalDate | null;
  lead?: [string, string][];
}) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.applying;
  const erasure = erasureRow(c, app, closedOn);
  const reply = replyRow(c, app, audience);
  const rows: [string, Child][] = [
    ...lead,
    [a.list.appliedAt, formatTokyoDateTime(app.appliedAt)],
    [a.list.route, a.route[app.route]],
    [a.list.state, <span id="application-state">{a.state[app.state]}</span>],
    ...(reply ? [reply] : []),
    ...cancelRows(c, app).map(([l, v]): [string, Child] => [l, <span class="prewrap">{v}</span>]),
    ...(audience === 'seeker' ? resultRows(c, app) : []).map(([l, v]): [string, Child] => [
      l,
      <span class="prewrap">{v}</span>,
    ]),
    [a.detail.motivation, <span class="prewrap">{app.motivation}</span>],
    [a.detail.remarks, app.remarks ? <span class="prewrap">{app.remarks}</span> : ''],
    [
      a.detail.documents,
      app.documentsByMypage ? (
        <DocumentList
          documents={documents}
          audience={audience}
          applicationId={app.id}
          erased={app.documentsErasedAt !== null}
        />
      ) : (
        a.detail.documentsElsewhere
      ),
    ],
    ...(erasure ? [[erasure[0], <span class="erasure">{erasure[1]}</span>] as [string, Child]] : []),
  ];
  return <SummaryList id="application-content" rows={rows} />;
}
