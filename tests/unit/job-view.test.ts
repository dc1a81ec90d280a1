import { describe, expect, it } from 'vitest';
import { jobSchema, toJobContent } from '../../src/modules/jobs/job.schemas.ts';
import { excerpt, toJobCardView } from '../../src/modules/jobs/job-view.ts';
import { leafletJobForm } from '../integration/jobs-fixtures.ts';

const job = (overrides: Record<string, string> = {}) => ({
  ...toJobContent(jobSchema.parse(leafletJobForm(overrides))),
  id: 7,
  jobNumber: '13010-09999999',
  status: 'open' as const,
  acceptedOn: '2026-11-21',
  referralDeadline: '2027-01-31',
});

describe('SR-6 job card', () => {
  it('SR-6 carries the card fields, valid until the 紹介期限日', () => {
    const card = toJobCardView(job(), '株式会社ハローワークケア', '2026-11-21');
    expect(card).toMatchObject({
      id: 7,
      jobNumber: '13010-09999999',
      title: '介護福祉士',
      valid: true,
      employerName: '株式会社ハローワークケア',
      wageMin: 205000,
      wageMax: 290000,
      annualHolidays: 108,
      openings: 1,
      ageMax: 29,
    });
    expect(toJobCardView(job(), 'x', '2027-02-01').valid).toBe(false);
  });

  it('SR-6 公開範囲 2 shows 事業所名非公開 (null) to the public but the name to staff', () => {
    const anonymous = job({ publicationScope: 'anonymous' });
    expect(toJobCardView(anonymous, '株式会社ハローワークケア', '2026-11-21').employerName).toBeNull();
    expect(toJobCardView(anonymous, '株式会社ハローワークケア', '2026-11-21', 'staff').employerName).toBe(
      '株式会社ハローワークケア',
    );
  });

  it('OR-3 OR-5 the seeker a job was sent to sees its 事業所名 on the card, like staff', () => {
    const anonymous = job({ publicationScope: 'anonymous' });
    expect(
      toJobCardView(anonymous, '株式会社ハローワークケア', '2026-11-21', 'referral_target').employerName,
    ).toBe('株式会社ハローワークケア');
    expect(
      toJobCardView(anonymous, '株式会社ハローワークケア', '2026-11-21', 'public').employerName,
    ).toBeNull();
  });

  it('SR-6 仕事の内容 is cut to its first 120 characters on one line', () => {
    const long = 'あ'.repeat(130);
    expect(excerpt(long)).toBe(`${'あ'.repeat(120)}…`);
    expect(excerpt('短い\n説明')).toBe('短い 説明');
    expect([
      ...toJobCardView(job({ description: '介'.repeat(200) }), 'x', '2026-11-21').descriptionExcerpt,
    ]).toHaveLength(121);
  });
});

describe('SR-4 what 公開範囲 shows is what search indexes', () => {
  it('SR-4 公開範囲 2 hides the workplace address and 事業所名 from the page and from the search row', async () => {
    const { searchRow } = await import('../../src/modules/search/search-index.ts');
    const { noReadings } = await import('../../src/modules/search/readings.ts');
    const { visibleJobText } = await import('../../src/modules/jobs/job-view.ts');
    const anonymous = {
      ...job({ publicationScope: 'anonymous', workplaceAddress: '秘匿町1-2-3' }),
      employerId: 'e1',
    };
    expect(visibleJobText(anonymous, '株式会社ハローワークケア', false)).toMatchObject({
      workplaceAddress: null,
      employerName: null,
      city: '千代田区',
    });
    const row = searchRow(
      { ...anonymous, employerName: '株式会社ハローワークケア', employeesTotal: 30 },
      noReadings,
    );
    expect(row.body).not.toContain('秘匿町');
    expect(row.body).not.toContain('ハローワークケア');
    expect(row.employerName).toBe('');
    expect(row.body).toContain('千代田区');
    const full = searchRow(
      {
        ...anonymous,
        publicationScope: 'full',
        employerName: '株式会社ハローワークケア',
        employeesTotal: 30,
      },
      noReadings,
    );
    expect(full.body).toContain('秘匿町');
    // Nor does a hidden address reveal the ward of a designated city.
    const yokohama = { ...anonymous, prefectureCode: '14', city: '横浜市', workplaceAddress: '中区山下町1' };
    const hiddenWard = searchRow({ ...yokohama, employerName: 'x', employeesTotal: 30 }, noReadings);
    expect(hiddenWard.municipalityCode).toBe('14-001');
    expect(hiddenWard.lexemes.filter((l) => l.includes('中区'))).toEqual([]);
    const shownWard = searchRow(
      {
        ...yokohama,
        publicationScope: 'full',
        employerName: 'x',
        employeesTotal: 30,
      },
      noReadings,
    );
    expect(shownWard.lexemes).toContain('\uE001M14-001中区');
  });
});
