import { describe, expect, it } from 'vitest';
import {
  birthDateProblem,
  canOpenStep,
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
import { toKatakana } from '../../src/platform/text.ts';

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
});

describe('MP-10 基本情報 rules', () => {
  it('MP-10 a birth date must be before today (Tokyo) and not before 1900', () => {
    expect(birthDateProblem('2026-11-21', '2026-11-21')).toBe('future');
    expect(birthDateProblem('2027-01-01', '2026-11-21')).toBe('future');
    expect(birthDateProblem('2026-11-20', '2026-11-21')).toBeUndefined();
    expect(birthDateProblem('1899-12-31', '2026-11-21')).toBe('tooEarly');
    expect(birthDateProblem('1900-01-01', '2026-11-21')).toBeUndefined();
    expect(birthDateProblem('not a date', '2026-11-21')).toBeUndefined();
  });

  it('MP-10 フリガナ typed in ひらがな becomes カタカナ', () => {
    expect(toKatakana('やまだ はなこ')).toBe('ヤマダ ハナコ');
    expect(toKatakana('ヤマダ')).toBe('ヤマダ');
    expect(toKatakana('ゔぁ')).toBe('ヴァ');
  });
});
