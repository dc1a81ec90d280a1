/**
 * Test data written through the same repositories the app uses. Every factory makes unique rows
 * (e-mail addresses, numbers), so tests in one file never collide.
 */
import { randomBytes } from 'node:crypto';
import { staffMembers } from '../../src/db/schema/index.ts';
import { seedOffices } from '../../src/demo/seed.ts';
import type { Deps } from '../../src/deps.ts';
import type { SeekerKind } from '../../src/domain/vocabulary.ts';
import { insertAccount } from '../../src/modules/accounts/accounts.repository.ts';
import { hashPassword } from '../../src/modules/accounts/password-hash.ts';
import { insertEmployer } from '../../src/modules/employers/employers.repository.ts';
import { formatNumber, nextSerial } from '../../src/modules/offices/offices.repository.ts';
import { registrationValidUntil } from '../../src/modules/seekers/registration.rules.ts';
import { emptyDesiredConditions, emptyProfile } from '../../src/modules/seekers/seeker.types.ts';
import { insertSeeker, type NewSeeker } from '../../src/modules/seekers/seekers.repository.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';

export const PASSWORD = 'Tq7#mZ2!pLr9';
export const OFFICE = '13010';

const unique = () => randomBytes(4).toString('hex');
export const uniqueEmail = (prefix = 'user') => `${prefix}-${unique()}@example.jp`;

/** Offices are written once per database (a test file may open several). */
const officesSeeded = new WeakMap<object, Promise<void>>();
const offices = (deps: Deps) => {
  let seeded = officesSeeded.get(deps.db);
  if (!seeded) {
    seeded = seedOffices(deps.db);
    officesSeeded.set(deps.db, seeded);
  }
  return seeded;
};

export interface SeekerOptions {
  email?: string;
  kind?: SeekerKind;
  opened?: boolean;
  password?: string;
  birthDate?: string;
  appliedOn?: string;
  validUntil?: string;
  active?: boolean;
  mfa?: boolean;
  name?: string;
  extra?: Partial<NewSeeker>;
}

export async function createSeeker(deps: Deps, o: SeekerOptions = {}) {
  await offices(deps);
  const now = deps.clock.now();
  const email = o.email ?? uniqueEmail('seeker');
  const opened = o.opened ?? true;
  const account = await insertAccount(deps.db, {
    role: 'seeker',
    email,
    passwordHash: opened ? await hashPassword(o.password ?? PASSWORD) : null,
    openedAt: opened ? now : null,
    now,
  });
  if (o.mfa) {
    const { setMfa } = await import('../../src/modules/accounts/accounts.repository.ts');
    await setMfa(deps.db, account.id, true, now);
  }
  const kind = o.kind ?? 'registered';
  const appliedOn = o.appliedOn ?? addDays(tokyoDate(now), -5);
  const seeker = await insertSeeker(deps.db, {
    accountId: account.id,
    kind,
    seekerNumber:
      kind === 'registered' ? formatNumber(OFFICE, await nextSerial(deps.db, 'seeker', OFFICE)) : null,
    officeCode: kind === 'registered' ? OFFICE : null,
    name: o.name ?? '試験 太郎',
    nameKana: 'シケン タロウ',
    birthDate: o.birthDate ?? '1990-05-20',
    appliedOn,
    validUntil: o.validUntil ?? registrationValidUntil(appliedOn),
    active: o.active ?? true,
    desired: emptyDesiredConditions(),
    profile: emptyProfile(),
    createdAt: now,
    updatedAt: now,
    ...o.extra,
  });
  return { account, seeker, email, password: o.password ?? PASSWORD };
}

let employerSerial = 0;

export async function createEmployer(
  deps: Deps,
  o: { email?: string; opened?: boolean; withLogin?: boolean } = {},
) {
  await offices(deps);
  const now = deps.clock.now();
  const withLogin = o.withLogin ?? true;
  const email = o.email ?? uniqueEmail('employer');
  const opened = o.opened ?? true;
  const account = withLogin
    ? await insertAccount(deps.db, {
        role: 'employer',
        email,
        passwordHash: opened ? await hashPassword(PASSWORD) : null,
        openedAt: opened ? now : null,
        now,
      })
    : undefined;
  // A counter, not a random number: 300 random 6-digit serials collide a few times in a hundred runs.
  const n = 900_000 + ++employerSerial;
  const employer = await insertEmployer(deps.db, {
    establishmentNumber: `1301-${String(n).padStart(6, '0')}-${n % 10}`,
    officeCode: OFFICE,
    name: `株式会社テスト${unique()}`,
    nameKana: 'カブシキガイシャテスト',
    postalCode: '100-0001',
    prefectureCode: '13',
    city: '千代田区',
    address: '千代田1-1',
    phone: '03-0000-0000',
    industryCode: 'P',
    employeesTotal: 30,
    employeesAtWorkplace: 10,
    accountId: account?.id ?? null,
    mypageOpenedAt: opened && withLogin ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  return { account, employer, email, password: PASSWORD };
}

export async function createStaff(deps: Deps, o: { email?: string; officeCode?: string } = {}) {
  await offices(deps);
  const now = deps.clock.now();
  const email = o.email ?? uniqueEmail('staff');
  const account = await insertAccount(deps.db, {
    role: 'staff',
    email,
    passwordHash: await hashPassword(PASSWORD),
    openedAt: now,
    now,
  });
  const [staff] = await deps.db
    .insert(staffMembers)
    .values({
      accountId: account.id,
      officeCode: o.officeCode ?? OFFICE,
      name: '職員 一郎',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { account, staff: staff!, email, password: PASSWORD };
}

let jobSerial = 50_000_000;

/**
 * An open, searchable job (with its search row), built from the demo generator with overrides.
 * The employer is created unless given.
 */
export async function createJob(
  deps: Deps,
  overrides: Partial<import('../../src/modules/jobs/jobs.repository.ts').NewJobPosting> = {},
  employer?: import('../../src/modules/employers/employers.repository.ts').Employer,
) {
  const { generateJob } = await import('../../src/demo/generator.ts');
  const { insertJobPostings } = await import('../../src/modules/jobs/jobs.repository.ts');
  const { reindexJob } = await import('../../src/modules/search/reindex-job.ts');
  const owner = employer ?? (await createEmployer(deps)).employer;
  const now = deps.clock.now();
  const serial = ++jobSerial;
  const generated = generateJob(
    7,
    serial,
    { ...owner, prefectureCode: '13', city: '千代田区', address: '千代田1-1' },
    tokyoDate(now),
    serial,
    now,
  );
  const posting = { ...generated.posting, publicationScope: 'full' as const, ...overrides };
  const [row] = await insertJobPostings(deps.db, [posting]);
  await reindexJob(deps.db, row!.id, now);
  return { id: row!.id, jobNumber: posting.jobNumber!, posting, employer: owner };
}

/**
 * Many open, searchable jobs at once (one INSERT for the postings, one for their search rows),
 * through the seed's writer: for tests that need more than a thousand matches. `overrides(i)`
 * changes the i-th generated posting.
 */
export async function createJobsInBulk(
  deps: Deps,
  count: number,
  overrides: (
    i: number,
  ) => Partial<import('../../src/modules/jobs/jobs.repository.ts').NewJobPosting> = () => ({}),
) {
  const { generateJob } = await import('../../src/demo/generator.ts');
  const { jsonWriter } = await import('../../src/demo/bulk-writers.ts');
  const { loadReadings } = await import('../../src/modules/search/readings.ts');
  const { employer } = await createEmployer(deps);
  const now = deps.clock.now();
  const owner = { ...employer, prefectureCode: '13', city: '千代田区', address: '千代田1-1' };
  const jobs = Array.from({ length: count }, (_, i) => {
    const serial = ++jobSerial;
    const generated = generateJob(7, serial, owner, tokyoDate(now), serial, now);
    return {
      ...generated,
      posting: { ...generated.posting, publicationScope: 'full' as const, ...overrides(i) },
    };
  });
  await jsonWriter(deps.db).writeJobs(jobs, await loadReadings());
  return jobs.map((j) => j.posting.jobNumber!);
}

/**
 * An オンライン自主応募 to a job of `employer` (one is created when not given), written as 「応募」
 * writes it — with the 求人票 as it is now for 紹介・応募時の求人票 — but without the form: for tests
 * of what happens after applying.
 */
export async function createApplication(
  deps: Deps,
  o: {
    seekerId: string;
    employer?: import('../../src/modules/employers/employers.repository.ts').Employer;
    appliedAt?: Date;
    /** 応募書類 sent through MyPage (the test inserts them); default: sent another way. */
    documentsByMypage?: boolean;
  },
) {
  const { randomUUID } = await import('node:crypto');
  const { findJobById } = await import('../../src/modules/jobs/jobs.repository.ts');
  const { toJobDetailView } = await import('../../src/modules/jobs/job-view.ts');
  const { insertApplication } = await import('../../src/modules/applications/applications.repository.ts');
  const employer = o.employer ?? (await createEmployer(deps)).employer;
  const job = await createJob(deps, { documentMethods: ['post'] }, employer);
  const appliedAt = o.appliedAt ?? deps.clock.now();
  const record = await findJobById(deps.db, job.id);
  if (!record) throw new Error('job vanished');
  const application = await insertApplication(deps.db, {
    seekerId: o.seekerId,
    jobId: job.id,
    employerId: employer.id,
    route: 'direct',
    referralId: null,
    submitKey: randomUUID(),
    motivation: '志望動機です。',
    remarks: '',
    jobSnapshot: JSON.parse(
      JSON.stringify({
        takenAt: appliedAt.toISOString(),
        view: toJobDetailView(record, true, tokyoDate(appliedAt)),
      }),
    ),
    documentsByMypage: o.documentsByMypage ?? false,
    appliedAt,
  });
  return { application, job, employer };
}

/**
 * Document files as 「応募」 leaves them: stored in `storage`, rows owned by the application, scanned
 * clean (a 履歴書 first, then 職務経歴書); the application marked as sent with MyPage documents.
 * `text(i)` is the i-th file's text after its PDF header. Returns the storage keys, in order.
 */
export async function attachDocuments(
  deps: Pick<Deps, 'db' | 'clock'>,
  storage: import('../../src/adapters/storage/file-storage.ts').FileStorage,
  o: { applicationId: string; seekerId: string; n?: number; text?: (i: number) => string },
): Promise<string[]> {
  const { eq } = await import('drizzle-orm');
  const { applications } = await import('../../src/db/schema/index.ts');
  const { insertDocuments } = await import('../../src/modules/applications/applications.repository.ts');
  const { newStorageKey } = await import('../../src/adapters/storage/file-storage.ts');
  const n = o.n ?? 2;
  if (n === 0) return [];
  await deps.db
    .update(applications)
    .set({ documentsByMypage: true })
    .where(eq(applications.id, o.applicationId));
  const keys: string[] = [];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const bytes = Buffer.from(`%PDF-1.7\n${o.text?.(i) ?? `履歴書 ${o.applicationId} ${i}`}\n`);
    const stored = await storage.put(newStorageKey(), bytes);
    keys.push(stored.key);
    rows.push({
      seekerId: o.seekerId,
      applicationId: o.applicationId,
      kind: i === 0 ? ('resume' as const) : ('work_history' as const),
      originalName: i === 0 ? '履歴書.pdf' : '職務経歴書.pdf',
      fileType: 'pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      storageKey: stored.key,
      sha256: stored.sha256,
      position: i,
      scanState: 'clean' as const,
      createdAt: deps.clock.now(),
    });
  }
  await insertDocuments(deps.db, rows);
  return keys;
}
