/**
 * 事業所番号 (SPEC SR-7: 4-6-1 digits, e.g. 1301-000123-7). Pure.
 *
 * - The first four digits are those of the registering office's 5-digit code (13010 → 1301).
 * - The six-digit serial is the smallest one not yet used under those four digits (assigned by
 *   employers.repository.ts nextEstablishmentSerial inside the registering transaction).
 * - The check digit is the sum of the ten preceding digits modulo 10. It catches any single
 *   mistyped digit (not swapped neighbours); the real algorithm is not published.
 */
import { z } from 'zod';
import { foldDashes } from '../../platform/text.ts';

export const MAX_ESTABLISHMENT_SERIAL = 999_999;

const SHAPE = /^(\d{4})-(\d{6})-(\d)$/;
/**
 * The one parser of a typed 事業所番号 (every form that takes one uses it): full-width digits and any
 * dash are folded, spaces dropped, and 11 bare digits get their hyphens. Returns NNNN-NNNNNN-N, or
 * undefined when the input does not have that shape. The check digit is not enforced (ADR 0007).
 */
export function parseEstablishmentNumber(input: string): string | undefined {
  const s = normalizeEstablishmentNumber(input);
  return SHAPE.test(s) ? s : undefined;
}

/** The folded text of a typed 事業所番号, whether or not it has the right shape (to keep it in the form). */
export function normalizeEstablishmentNumber(input: string): string {
  const s = foldDashes(input.normalize('NFKC')).replace(/\s+/g, '');
  return /^\d{11}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 10)}-${s.slice(10)}` : s;
}

/** The form field (zod) for a 事業所番号: required, parsed by parseEstablishmentNumber. */
export function establishmentNumberField() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? normalizeEstablishmentNumber(v) : v),
    z
      .string()
      .refine((s) => s.length > 0, { message: 'required', abort: true })
      .refine((s) => parseEstablishmentNumber(s) !== undefined, { message: 'pattern' }),
  );
}

export function establishmentCheckDigit(digits: string): number {
  let sum = 0;
  for (const d of digits) sum += Number(d);
  return sum % 10;
}

export function formatEstablishmentNumber(officeCode: string, serial: number): string {
  if (!/^\d{5}$/.test(officeCode)) throw new RangeError(`not an office code: ${officeCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_ESTABLISHMENT_SERIAL)
    throw new RangeError(`serial out of range: ${serial}`);
  const prefix = officeCode.slice(0, 4);
  const body = String(serial).padStart(6, '0');
  return `${prefix}-${body}-${establishmentCheckDigit(prefix + body)}`;
}

/** Whether a 事業所番号 has the 4-6-1 shape and a matching check digit. */
export function isValidEstablishmentNumber(value: string): boolean {
  const m = SHAPE.exec(value);
  return m !== null && establishmentCheckDigit(m[1]! + m[2]!) === Number(m[3]);
}

/** The four leading digits shared by an office's 事業所番号. */
export const establishmentPrefix = (officeCode: string) => officeCode.slice(0, 4);
