/** The 求職情報 fields (MP-8, MP-10), used by 求職者情報・設定, the internet registration wizard and staff. */
import { useRequestContext } from 'hono/jsx-renderer';
import { PREFECTURES } from '../../modules/geo/geo.data.ts';
import { EMPLOYMENT_TYPES, OCCUPATION_GROUPS, WAGE_TYPES } from '../../modules/jobs/job.types.ts';
import { SEEKER_WORK_STYLES } from '../../modules/seekers/seekers.schemas.ts';
import type { AppEnv } from '../env.ts';
import { one } from '../forms.ts';
import {
  ChoiceGroup,
  codeOptions,
  type FormErrors,
  type FormValues,
  MultiSelect,
  TextArea,
  TextField,
} from './form.tsx';

export function desiredConditionLabels(t: AppEnv['Variables']['t']): Record<string, string> {
  return { ...t.seeker.desired };
}

/** `part` limits the fields to one wizard step: 希望職種・時間等 ('work') or 希望勤務地・賃金 ('place'). */
export function DesiredConditionsFields({
  values,
  errors,
  part = 'all',
}: {
  values: FormValues;
  errors: FormErrors;
  part?: 'all' | 'work' | 'place';
}) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.var;
  const d = t.seeker.desired;
  const many = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const work = (
    <>
      <TextField
        name="occupation"
        label={d.occupation}
        hint={d.occupationHint}
        value={one(values, 'occupation')}
        error={errors.occupation}
        badge="required"
      />
      <ChoiceGroup
        type="checkbox"
        name="occupationCodes"
        label={d.occupationCodes}
        options={codeOptions(t, 'occupation', OCCUPATION_GROUPS)}
        value={many('occupationCodes')}
        error={errors.occupationCodes}
      />
      <ChoiceGroup
        type="radio"
        name="workStyle"
        label={d.workStyle}
        options={codeOptions(t, 'seekerWorkStyle', SEEKER_WORK_STYLES)}
        value={one(values, 'workStyle') || 'either'}
        error={errors.workStyle}
        inline
        badge="required"
      />
      <ChoiceGroup
        type="checkbox"
        name="employmentTypes"
        label={d.employmentTypes}
        options={codeOptions(t, 'employmentType', EMPLOYMENT_TYPES)}
        value={many('employmentTypes')}
        error={errors.employmentTypes}
      />
      <TextField
        name="hours"
        label={d.hours}
        hint={d.hoursHint}
        value={one(values, 'hours')}
        error={errors.hours}
        width="medium"
      />
      <TextField
        name="holidays"
        label={d.holidays}
        value={one(values, 'holidays')}
        error={errors.holidays}
        width="medium"
      />
    </>
  );
  const place = (
    <>
      <MultiSelect
        name="prefectureCodes"
        label={d.prefectureCodes}
        options={PREFECTURES.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.name }))}
        value={many('prefectureCodes')}
        count={3}
        itemLabel={t.common.choiceNumber}
        error={errors.prefectureCodes}
      />
      <TextField name="cities" label={d.cities} value={one(values, 'cities')} error={errors.cities} />
      <ChoiceGroup
        type="radio"
        name="wageType"
        label={d.wageType}
        options={codeOptions(t, 'wageType', WAGE_TYPES)}
        value={one(values, 'wageType') || 'monthly'}
        error={errors.wageType}
        inline
        badge="required"
      />
      <TextField
        name="wageMin"
        label={d.wageMin}
        hint={d.wageMinHint}
        inputmode="numeric"
        value={one(values, 'wageMin')}
        error={errors.wageMin}
        width="medium"
      />
      <TextArea name="notes" label={d.notes} value={one(values, 'notes')} error={errors.notes} rows={3} />
    </>
  );
  if (part === 'work') return work;
  if (part === 'place') return place;
  return (
    <>
      {work}
      {place}
    </>
  );
}
