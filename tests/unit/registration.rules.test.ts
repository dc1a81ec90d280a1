import { describe, expect, it } from 'vitest';
import {
  canOpenStep,
  DRAFT_LIST_MAX,
  DRAFT_TEXT_MAX,
  draftValues,
  FORM_STEPS,
  furthestStep,
  isFormStep,
  isRegistrationStep,
  nextStep,
  previousStep,
  REGISTRATION_STEPS,
  resumeStep,
} from '../../src/modules/registration/registration.rules.ts';
import { stepRuleProblems } from '../../src/modules/registration/registration.schemas.ts';
import { birthDateProblem } from '../../src/modules/seekers/seeker-registration.rules.ts';
import { toKatakana } from '../../src/platform/text.ts';

const VALID_BASIC = {
  name: '山田 花子',
  nameKana: 'ヤマダ ハナコ',
  birthDate: '1990-01-01',
  postalCode: '100-0001',
  address: '東京都千代田区',
  phone: '03-1234-5678',
};

describe('MP-10 wizard steps', () => {
  it('MP-10 has the steps in the order of the spec, then 確認', () => {
    expect(REGISTRATION_STEPS).toEqual([
      'basic',
      'info',
      'work',
      'place',
      'education',
      'career',
      'disability',
      'pr',
      'confirm',
    ]);
    expect(FORM_STEPS).not.toContain('confirm');
    expect(nextStep('basic')).toBe('info');
    expect(nextStep('pr')).toBe('confirm');
    expect(previousStep('basic')).toBeUndefined();
    expect(previousStep('confirm')).toBe('pr');
  });

  it('MP-10 remembers the furthest step reached and resumes there', () => {
    expect(furthestStep('work', 'info')).toBe('work');
    expect(furthestStep('info', 'career')).toBe('career');
    expect(resumeStep(undefined)).toBe('basic');
    expect(resumeStep('place')).toBe('place');
    expect(resumeStep('nonsense')).toBe('basic');
  });

  it('MP-10 opens a step only once it was reached', () => {
    expect(canOpenStep('basic', 'basic')).toBe(true);
    expect(canOpenStep('info', 'basic')).toBe(false);
    expect(canOpenStep('confirm', 'pr')).toBe(false);
    expect(canOpenStep('work', 'confirm')).toBe(true);
  });

  it('MP-10 tells steps from other words', () => {
    expect(isRegistrationStep('confirm')).toBe(true);
    expect(isFormStep('confirm')).toBe(false);
    expect(isFormStep('career')).toBe(true);
    expect(isRegistrationStep('__proto__')).toBe(false);
    expect(isRegistrationStep(undefined)).toBe(false);
  });
});

describe('MP-10 a draft keeps what was typed', () => {
  it('MP-10 keeps the step fields exactly as typed, and nothing else', () => {
    const kept = draftValues(['name', 'phone', 'codes'], {
      name: '  山田　花子 ',
      phone: 'abc',
      codes: ['01', '02'],
      action: 'save',
      other: 'x',
    });
    expect(kept).toEqual({ name: '  山田　花子 ', phone: 'abc', codes: ['01', '02'] });
  });

  it('MP-10 leaves out fields that were not sent (no checkbox ticked)', () => {
    expect(draftValues(['codes', 'name'], { name: '' })).toEqual({ name: '' });
  });

  it('MP-10 bounds a draft far above every field limit', () => {
    const kept = draftValues(['selfPr'], { selfPr: 'あ'.repeat(DRAFT_TEXT_MAX + 5) });
    expect(kept.selfPr).toHaveLength(DRAFT_TEXT_MAX);
  });

  it('G-1 MP-10 cuts a draft between characters as people see them, never inside an emoji', () => {
    const family = '👨‍👩‍👧';
    const kept = draftValues(['selfPr'], { selfPr: `${'あ'.repeat(DRAFT_TEXT_MAX - 1)}😀${family}` });
    // The 10,000th character is the whole 😀 (two UTF-16 units): no lone surrogate is left.
    const text = kept.selfPr as string;
    expect(text.slice(-2)).toBe('😀');
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const families = draftValues(['selfPr'], { selfPr: family.repeat(DRAFT_TEXT_MAX + 1) });
    expect(families.selfPr).toBe(family.repeat(DRAFT_TEXT_MAX));
  });

  it('MP-10 bounds a ticked list to DRAFT_LIST_MAX values of at most DRAFT_TEXT_MAX characters each', () => {
    const codes = Array.from({ length: DRAFT_LIST_MAX + 20 }, (_, i) => String(i));
    expect(draftValues(['codes'], { codes }).codes).toEqual(codes.slice(0, DRAFT_LIST_MAX));
    const long = draftValues(['codes'], { codes: ['い'.repeat(DRAFT_TEXT_MAX + 1), '01'] });
    expect(long.codes).toEqual(['い'.repeat(DRAFT_TEXT_MAX), '01']);
  });
});

describe('MP-10 基本情報 rules', () => {
  it('MP-10 MP-1 the wizard checks the birth date with the one rule of office registration (14 to 110)', () => {
    const basic = (birthDate: string) => ({ ...VALID_BASIC, birthDate });
    expect(stepRuleProblems('basic', basic('2023-05-01'), '2026-11-21')).toEqual({
      birthDate: 'implausible',
    });
    expect(stepRuleProblems('basic', basic('2026-11-22'), '2026-11-21')).toEqual({ birthDate: 'future' });
    expect(stepRuleProblems('basic', basic('2012-11-21'), '2026-11-21')).toEqual({});
    expect(stepRuleProblems('basic', basic('1915-11-21'), '2026-11-21')).toEqual({
      birthDate: 'implausible',
    });
    expect(birthDateProblem('not a date', '2026-11-21')).toBeUndefined();
  });

  it('MP-10 フリガナ typed in ひらがな becomes カタカナ', () => {
    expect(toKatakana('やまだ はなこ')).toBe('ヤマダ ハナコ');
    expect(toKatakana('ヤマダ')).toBe('ヤマダ');
    expect(toKatakana('ゔぁ')).toBe('ヴァ');
  });
});
