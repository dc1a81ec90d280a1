/**
 * オンライン自主応募 with documents over real HTTP by a client that keeps going while the database
 * comes and goes (row F2). The apply form's idempotency key is its draft key (the hidden `draft`
 * field of the form, AP-1): the upload step keeps the files with the draft of that key, and 「応募」
 * with the key is idempotent (applications_submit_key: a resend finds the first application). So
 * the client does what a careful user does after a 503 or a cut connection:
 *
 * - the form (GET): simply again;
 * - 「次へ進む」 with the files: the outcome is unknown, so it first looks at the confirmation page
 *   of its key; the files are listed there when the step was committed, otherwise it sends them again;
 * - 「応募」: the same key again, until it gets the application (or a refusal, which fails the row).
 *
 * Anything other than 2xx/3xx, 503 or a cut connection is an unexpected answer and fails the apply.
 */
import { type Browser, inputValue } from '../../../bench/apply-client.ts';
import { MULTIPART_TYPE, multipartBody, type Part } from '../../support/upload-corpus.ts';

export const F2_MOTIVATION = '障害が起きても応募が失われないことを確かめる志望動機です。';

export interface ApplyDocument {
  kind: string;
  name: string;
  data: Buffer;
  sha256: string;
}

export interface ApplyOutcome {
  applicationId: string;
  draftKey: string;
  /** The upload step was answered 303 (committed) at least once. */
  uploadAnswered: boolean;
}

export interface ApplyCounters {
  requests: number;
  /** Requests answered 503 (database unavailable) or cut off, and sent again or checked. */
  retries: number;
  status503: number;
  networkErrors: number;
  /** 2xx and 3xx answers. */
  ok: number;
  /** Upload steps whose answer was lost but that had been committed (found on the confirmation page). */
  foundCommitted: number;
  unexpected: string[];
}

export const newCounters = (): ApplyCounters => ({
  requests: 0,
  retries: 0,
  status503: 0,
  networkErrors: 0,
  ok: 0,
  foundCommitted: 0,
  unexpected: [],
});

type Answer = { status: number; location: string | null; html: string } | { cut: string };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request; a refused or cut connection is an answer too (`cut`). */
async function send(counters: ApplyCounters, request: () => Promise<Answer>): Promise<Answer> {
  counters.requests++;
  try {
    const answer = await request();
    if ('status' in answer) {
      if (answer.status === 503) counters.status503++;
      else if (answer.status < 400) counters.ok++;
    }
    return answer;
  } catch (error) {
    counters.networkErrors++;
    return { cut: (error as Error).message };
  }
}

const unavailable = (a: Answer) => 'cut' in a || a.status === 503;

class ApplyFailed extends Error {}

function fail(counters: ApplyCounters, what: string, a: Answer): never {
  const detail = 'cut' in a ? `cut: ${a.cut}` : `${a.status} → ${a.location ?? ''}`;
  const line = `${what}: ${detail}`;
  counters.unexpected.push(line);
  throw new ApplyFailed(line);
}

/** How many of the documents the confirmation page lists (each as 「name（…）」). */
const listedDocuments = (html: string, docs: ApplyDocument[]) =>
  docs.filter((d) => html.includes(`${d.name}（`)).length;

export function uploadBody(csrf: string, draft: string, docs: ApplyDocument[]): Buffer {
  const parts: Part[] = [
    { name: '_csrf', value: csrf },
    { name: 'draft', value: draft },
    { name: 'motivation', value: F2_MOTIVATION },
    { name: 'remarks', value: '' },
    { name: 'consent', value: 'yes' },
    ...docs.flatMap((d, i): Part[] => [
      { name: `document_${i + 1}_kind`, value: d.kind },
      { name: `document_${i + 1}`, filename: d.name, data: d.data, type: 'application/pdf' },
    ]),
    { name: 'action', value: 'next' },
  ];
  return multipartBody(parts);
}

/**
 * Applies to `jobNumber` with `docs`, retrying through outages (polling every `retryMs`) until
 * `deadline` (epoch ms). Returns the application's id.
 */
export async function applyThroughOutages(
  b: Browser,
  jobNumber: string,
  docs: ApplyDocument[],
  counters: ApplyCounters,
  options: { retryMs: number; deadline: number },
): Promise<ApplyOutcome> {
  const base = `/mypage/jobs/${jobNumber}/apply`;
  const again = async (what: string) => {
    if (Date.now() > options.deadline) throw new ApplyFailed(`${what}: still failing at the deadline`);
    counters.retries++;
    await pause(options.retryMs);
  };

  // The form: its CSRF token and its draft key (the idempotency key from here on).
  let form: Answer;
  for (;;) {
    form = await send(counters, () => b.get(base));
    if (!unavailable(form)) break;
    await again(`GET ${base}`);
  }
  if ('cut' in form || form.status !== 200) fail(counters, `GET ${base}`, form);
  const csrf = inputValue(form.html, '_csrf');
  const draftKey = inputValue(form.html, 'draft');
  if (!csrf || !draftKey) throw new ApplyFailed(`GET ${base}: no _csrf or draft field`);
  const confirmPath = `${base}/confirm?draft=${draftKey}`;
  const body = uploadBody(csrf, draftKey, docs);

  // 「次へ進む」 with the files, until the confirmation page of the key lists them.
  let uploadAnswered = false;
  upload: for (;;) {
    const up = await send(counters, () => b.request('POST', base, body, MULTIPART_TYPE));
    if (!unavailable(up)) {
      if ('cut' in up || up.status !== 303 || up.location !== confirmPath) fail(counters, `POST ${base}`, up);
      uploadAnswered = true;
      break;
    }
    // Unknown outcome: was the draft with its files committed?
    for (;;) {
      await again(`POST ${base}`);
      const check = await send(counters, () => b.get(confirmPath));
      if (unavailable(check)) continue;
      if ('cut' in check) fail(counters, `GET ${confirmPath}`, check);
      if (check.status === 200) {
        const listed = listedDocuments(check.html, docs);
        if (listed !== docs.length) {
          fail(counters, `GET ${confirmPath} lists ${listed} of ${docs.length} documents`, check);
        }
        counters.foundCommitted++;
        break upload;
      }
      // No draft of this key: the step did not happen; send it again.
      if (check.status === 303 && check.location === base) continue upload;
      fail(counters, `GET ${confirmPath}`, check);
    }
  }

  // 「応募」 with the key, again and again until the application is there.
  for (;;) {
    const submit = await send(counters, () => b.postForm(`${base}/submit`, { _csrf: csrf, draft: draftKey }));
    if (unavailable(submit)) {
      await again(`POST ${base}/submit`);
      continue;
    }
    const id =
      'status' in submit ? /^\/mypage\/applications\/([0-9a-f-]{36})\?/.exec(submit.location ?? '') : null;
    if ('cut' in submit || submit.status !== 303 || !id) fail(counters, `POST ${base}/submit`, submit);
    return { applicationId: id[1]!, draftKey, uploadAnswered };
  }
}
