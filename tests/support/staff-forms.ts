/** Forms of the staff console as staff fill them in. */
import { uniqueEmail } from './factories.ts';
import type { Fields } from './http.ts';

/** 求職登録 at the counter (MP-1): a complete registration, with overrides. */
export function seekerRegistrationForm(overrides: Fields = {}): Fields {
  return {
    name: '山田 花子',
    nameKana: 'ヤマダ ハナコ',
    birthDate: '1992-08-15',
    email: uniqueEmail('hanako'),
    postalCode: '100-8916',
    address: '東京都千代田区霞が関1-2-2',
    phone: '03-1234-5678',
    occupation: '一般事務',
    occupationCodes: ['03'],
    workStyle: 'full_time',
    employmentTypes: ['regular'],
    prefectureCodes: ['13'],
    cities: '千代田区',
    wageType: 'monthly',
    wageMin: '220000',
    ...overrides,
  };
}
