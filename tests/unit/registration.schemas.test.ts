import { describe, expect, it } from 'vitest';
import {
  basicSchema,
  careerSchema,
  parseStep,
  prSchema,
  readRegistration,
} from '../../src/modules/registration/registration.schemas.ts';

const TODAY = '2026-11-21';

const DRAFT = {
  basic: {
    name: '山田　花子',
    nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ',
    birthDate: '１９９５年４月１日',
    postalCode: '〒１００－８９１６',
    address: '東京都千代田区霞が関1-2-2',
    phone: '０３ー１２３４ー５６７８',
  },
  info: { publishToEmployers: 'yes', receiveJobInformation: 'no' },
  work: { occupation: '介護職', occupationCodes: ['05'], workStyle: 'part_time', employmentTypes: [] },
  place: { prefectureCodes: ['27', ''], wageType: 'hourly', wageMin: '１，２００' },
  education: { education: '〇〇大学 卒業' },
  career: {},
  disability: {},
  pr: { selfPr: '  笑顔で接客できます。\r\n体力には自信があります。  ' },
};

describe('MP-10 step schemas', () => {
  it('MP-10 accepts full-width and half-width input in 基本情報', () => {
    const data = basicSchema.parse(DRAFT.basic);
    expect(data).toEqual({
      name: '山田 花子',
      nameKana: 'ヤマダ ハナコ',
      birthDate: '1995-04-01',
      postalCode: '100-8916',
      address: '東京都千代田区霞が関1-2-2',
      phone: '03-1234-5678',
    });
  });

  it('MP-10 自己PR is at most 1000 characters and 経歴 at most 2000', () => {
    expect(prSchema.safeParse({ selfPr: 'あ'.repeat(1000) }).success).toBe(true);
    expect(prSchema.safeParse({ selfPr: 'あ'.repeat(1001) }).success).toBe(false);
    expect(careerSchema.safeParse({ career: '𠮷'.repeat(2000) }).success).toBe(true);
    expect(careerSchema.safeParse({ career: 'あ'.repeat(2001) }).success).toBe(false);
  });

  it('MP-10 a step with a birth date in the future does not parse', () => {
    expect(parseStep('basic', { ...DRAFT.basic, birthDate: TODAY }, TODAY)).toBeUndefined();
    expect(parseStep('basic', DRAFT.basic, TODAY)?.birthDate).toBe('1995-04-01');
  });
});

describe('MP-10 「登録する」 reads the whole draft', () => {
  it('MP-10 turns a complete draft into the seeker, 求職情報 and profile', () => {
    const read = readRegistration(DRAFT, TODAY);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.registration.basic.nameKana).toBe('ヤマダ ハナコ');
    expect(read.registration.desired).toMatchObject({
      occupation: '介護職',
      occupationCodes: ['05'],
      prefectureCodes: ['27'],
      workStyle: 'part_time',
      wageType: 'hourly',
      wageMin: 1200,
      hours: '',
    });
    expect(read.registration.profile).toEqual({
      publishToEmployers: true,
      receiveJobInformation: false,
      education: '〇〇大学 卒業',
      licenses: '',
      career: '',
      disability: '',
      selfPr: '笑顔で接客できます。\n体力には自信があります。',
    });
  });

  it('MP-10 names the first step that is missing or invalid', () => {
    expect(readRegistration({ ...DRAFT, work: { occupation: '' } }, TODAY)).toEqual({
      ok: false,
      step: 'work',
    });
    expect(
      readRegistration(
        { ...DRAFT, basic: { ...DRAFT.basic, phone: 'x' }, pr: { selfPr: 'あ'.repeat(1001) } },
        TODAY,
      ),
    ).toEqual({
      ok: false,
      step: 'basic',
    });
    const { education: _e, ...withoutEducation } = DRAFT;
    expect(readRegistration(withoutEducation, TODAY)).toEqual({ ok: false, step: 'education' });
    expect(readRegistration({}, TODAY)).toEqual({ ok: false, step: 'basic' });
  });
});
