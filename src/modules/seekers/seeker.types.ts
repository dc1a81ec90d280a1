/** 求職情報: what the seeker is looking for (MP-8). Stored as jsonb, validated by seekers.schemas.ts. */
export interface DesiredConditions {
  /** 希望職種 in the seeker's words. */
  occupation: string;
  /** 職業分類 major groups, up to 3. */
  occupationCodes: string[];
  /** 希望勤務地: prefecture codes, up to 3. */
  prefectureCodes: string[];
  /** 希望勤務地: municipality names, free text. */
  cities: string;
  workStyle: 'full_time' | 'part_time' | 'either';
  employmentTypes: string[];
  wageType: 'monthly' | 'daily' | 'hourly';
  /** 希望賃金 lower bound in yen; null = 不問. */
  wageMin: number | null;
  /** 希望就業時間, e.g. 09:00–17:00, free text. */
  hours: string;
  /** 希望休日, free text. */
  holidays: string;
  notes: string;
}

/** Everything else the internet registration wizard (MP-10) collects. All optional except where the wizard says. */
export interface SeekerProfile {
  /** 求職情報提供等: whether employers may see an anonymised profile, and whether HW may send job info. */
  publishToEmployers: boolean;
  receiveJobInformation: boolean;
  education: string;
  licenses: string;
  career: string;
  disability: string;
  selfPr: string;
}

export const emptyDesiredConditions = (): DesiredConditions => ({
  occupation: '',
  occupationCodes: [],
  prefectureCodes: [],
  cities: '',
  workStyle: 'either',
  employmentTypes: [],
  wageType: 'monthly',
  wageMin: null,
  hours: '',
  holidays: '',
  notes: '',
});

export const emptyProfile = (): SeekerProfile => ({
  publishToEmployers: false,
  receiveJobInformation: true,
  education: '',
  licenses: '',
  career: '',
  disability: '',
  selfPr: '',
});
