import { describe, expect, it } from 'vitest';
import {
  BASE_WORDS,
  COMMON_PASSWORDS,
  checkPassword,
  isCommonPassword,
  PASSWORD_LIMITS,
  type PasswordPolicy,
  parseCommonPasswordList,
} from '../../src/modules/accounts/password.rules.ts';

const seed = (password: string, extra: { email?: string; extraCommon?: ReadonlySet<string> } = {}) =>
  checkPassword({ password, policy: 'seed', ...extra });
const nist = (password: string, extra: { email?: string; extraCommon?: ReadonlySet<string> } = {}) =>
  checkPassword({ password, policy: 'nist', ...extra });

/** A non-common seed-valid password of exactly `length` characters (letters, digits, symbols mixed). */
const strongOfLength = (length: number): string => {
  const pattern = 'Tq7#mZ2!pLrKx9$vWb4&nHc6*jYd3@sFg';
  let out = '';
  while (out.length < length) out += pattern;
  return out.slice(0, length);
};

/** A non-common nist-valid passphrase of exactly `length` code points, with spaces and kana. */
const phraseOfLength = (length: number): string => {
  const pattern = 'ねこ が すきな 求職者 walks to 職安 ';
  let out = '';
  while (Array.from(out).length < length) out += pattern;
  return Array.from(out).slice(0, length).join('').replace(/ $/u, 'x');
};

describe('MP-4 limits', () => {
  it('MP-4 publishes 8–32 for the seed policy and 8–64 for the nist policy', () => {
    expect(PASSWORD_LIMITS.seed).toEqual({ min: 8, max: 32 });
    expect(PASSWORD_LIMITS.nist).toEqual({ min: 8, max: 64 });
  });

  it('MP-4 refuses a 7-character password (seed)', () => {
    expect(seed(strongOfLength(7))).toEqual(['too_short']);
  });

  it('MP-4 accepts an 8-character password (seed)', () => {
    expect(strongOfLength(8)).toHaveLength(8);
    expect(seed(strongOfLength(8))).toEqual([]);
  });

  it('MP-4 accepts a 32-character password (seed)', () => {
    expect(strongOfLength(32)).toHaveLength(32);
    expect(seed(strongOfLength(32))).toEqual([]);
  });

  it('MP-4 refuses a 33-character password (seed)', () => {
    expect(seed(strongOfLength(33))).toEqual(['too_long']);
  });

  it('MP-4 (nist) accepts 64 characters and refuses 65', () => {
    expect(Array.from(phraseOfLength(64))).toHaveLength(64);
    expect(nist(phraseOfLength(64))).toEqual([]);
    expect(nist(phraseOfLength(65))).toEqual(['too_long']);
    expect(nist(strongOfLength(33))).toEqual([]);
  });

  it('MP-4 (nist) refuses 7 characters and accepts 8', () => {
    expect(nist('Tq7mZ2p')).toEqual(['too_short']);
    expect(nist('Tq7mZ2pL')).toEqual([]);
  });

  it('MP-4 counts code points, not UTF-16 units', () => {
    // Four astral characters are eight UTF-16 units but only four code points.
    expect(nist('🐱🐶🐼🦊')).toEqual(['too_short']);
    expect(nist('🐱🐶🐼🦊🐸🐵🐯🐰')).toEqual([]);
  });
});

describe('MP-4 composition (seed: 半角の数字、英字、記号を組み合わせ)', () => {
  it('MP-4 refuses a password without a symbol', () => {
    expect(seed('Kyujin2026x')).toEqual(['needs_symbol']);
  });

  it('MP-4 refuses a password without a digit', () => {
    expect(seed('Kyujin-Tokusho!')).toEqual(['needs_digit']);
  });

  it('MP-4 refuses a password without a letter (digits and symbols alone are also common)', () => {
    expect(seed('2026-0401!73')).toEqual(['needs_letter', 'common']);
    expect(seed('Ｋｙｕ2026-0401!73')).toEqual(['not_half_width']);
  });

  it('MP-4 accepts every ASCII symbol as the symbol', () => {
    for (const symbol of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') {
      expect(seed(`Kyujin2${symbol}7x`), symbol).toEqual([]);
    }
  });

  it('MP-4 refuses full-width letters, digits and symbols in seed, with the one relevant problem', () => {
    expect(seed('Ｋｙｕｊｉｎ２０２６！')).toEqual(['not_half_width']);
  });

  it('MP-4 refuses katakana in seed', () => {
    expect(seed('パスワード2026!x')).toEqual(['not_half_width']);
  });

  it('MP-4 refuses a space in seed', () => {
    expect(seed('Kyujin 2026!')).toEqual(['not_half_width']);
  });

  it('MP-4 refuses a control character in seed', () => {
    expect(seed('Kyujin\t2026!')).toEqual(['not_half_width']);
  });

  it('MP-4 (nist) accepts full-width characters, kana and spaces when long enough and not common', () => {
    expect(nist('Ｋｙｕｊｉｎ２０２６！')).toEqual([]);
    expect(nist('パスワード2026!x')).toEqual([]);
    expect(nist('ねこが すきな 求職者')).toEqual([]);
  });

  it('MP-4 (nist) imposes no composition rule', () => {
    expect(nist('kyujintokusho')).toEqual([]);
    expect(nist('correct horse battery staple')).toEqual([]);
  });
});

describe('MP-4 common passwords', () => {
  it('MP-4 embeds a hand-composed list of 300+ lower-case common passwords and a base-word list', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    expect(BASE_WORDS.size).toBeGreaterThanOrEqual(100);
    for (const entry of [...COMMON_PASSWORDS, ...BASE_WORDS]) expect(entry).toBe(entry.toLowerCase());
    for (const must of ['password', '123456', 'qwerty', 'iloveyou', 'p@ssw0rd', 'password1!', 'admin123']) {
      expect(COMMON_PASSWORDS.has(must), must).toBe(true);
    }
    for (const must of [
      'letmein',
      'welcome1',
      'sakura',
      'hellowork',
      'tokyo',
      'nihon',
      'doraemon',
      'pokemon',
    ]) {
      expect(COMMON_PASSWORDS.has(must), must).toBe(true);
    }
  });

  it('MP-4 refuses the listed common passwords in both policies', () => {
    for (const policy of ['seed', 'nist'] as PasswordPolicy[]) {
      expect(checkPassword({ password: 'password', policy })).toContain('common');
      expect(checkPassword({ password: '12345678', policy })).toContain('common');
      expect(checkPassword({ password: 'iloveyou', policy })).toContain('common');
      expect(checkPassword({ password: 'letmein1!', policy })).toContain('common');
      expect(checkPassword({ password: 'doraemon', policy })).toContain('common');
    }
  });

  it('MP-4 refuses seed-valid variants of common passwords in both policies', () => {
    const refused = [
      'P@ssw0rd1!',
      'Password123!',
      'Qwerty123!',
      'Passw0rd!',
      'Sakura2026!',
      'Hellowork1!',
      'aaaaaaa1!',
      'Abcd1234!',
      '12345678a!',
    ];
    for (const password of refused) {
      expect(seed(password), password).toEqual(['common']);
      expect(nist(password), password).toEqual(['common']);
    }
  });

  it('MP-4 refuses Japan-specific words dressed up with digits and symbols', () => {
    for (const password of [
      'Tokyo-2026!',
      'Nihon#2026',
      'Doraemon#7',
      'Pokemon2026!',
      'Pikachu!123',
      'MyPage2026!',
    ]) {
      expect(seed(password), password).toEqual(['common']);
    }
  });

  it('MP-4 undoes leetspeak before comparing with the base words', () => {
    expect(isCommonPassword('@dmin123!')).toBe(true);
    expect(isCommonPassword('He11o2026!')).toBe(true);
    expect(isCommonPassword('Il0vey0u!')).toBe(true);
    expect(isCommonPassword('L3tm31n!99')).toBe(true);
    expect(isCommonPassword('W3lc0m3#1')).toBe(true);
    expect(isCommonPassword('$unsh1ne2026')).toBe(true);
    expect(isCommonPassword('M0nk3y!!')).toBe(true);
    expect(isCommonPassword('5@kur@77!')).toBe(true);
  });

  it('MP-4 refuses a base word split by separators or repeated', () => {
    expect(isCommonPassword('pass-word1!')).toBe(true);
    expect(isCommonPassword('asdfasdf9!')).toBe(true);
    expect(isCommonPassword('r00t-r00t-1!')).toBe(true);
    expect(isCommonPassword('SakuraSakura1!')).toBe(true);
  });

  it('MP-4 refuses one repeated character, short repeated units and sequences', () => {
    expect(isCommonPassword('aaaaaaaa')).toBe(true);
    expect(isCommonPassword('!!!!!!!!')).toBe(true);
    expect(isCommonPassword('Ab1!Ab1!')).toBe(true);
    expect(isCommonPassword('abcdefgh')).toBe(true);
    expect(isCommonPassword('98765432')).toBe(true);
    expect(isCommonPassword('Zyxwvuts1!')).toBe(true);
    expect(isCommonPassword('1qaz2wsx!')).toBe(true);
    expect(isCommonPassword('!@#$%^&*')).toBe(true);
    expect(isCommonPassword('Asdfgh-2026!')).toBe(true);
    expect(isCommonPassword('あいうえおかき')).toBe(true);
  });

  it('MP-4 refuses a password whose core is empty once digits and symbols are stripped', () => {
    expect(isCommonPassword('20260401!')).toBe(true);
    expect(nist('19700101')).toEqual(['common']);
  });

  it('MP-4 refuses full-width spellings of common passwords (NFKC)', () => {
    expect(isCommonPassword('Ｐａｓｓｗｏｒｄ１２３')).toBe(true);
    expect(nist('Ｐａｓｓｗｏｒｄ１２３')).toEqual(['common']);
  });

  it('MP-4 does not flag strong passwords, including wordy ones', () => {
    for (const password of [
      'Kyujin-2026!',
      'Shokuin-2026!',
      'Kyushoku-2026!',
      'correct-Horse-9-battery',
      'Tq7#mZ2!pLr',
    ]) {
      expect(isCommonPassword(password), password).toBe(false);
      expect(seed(password), password).toEqual([]);
      expect(nist(password), password).toEqual([]);
    }
  });

  it('MP-4 does not flag a common word that is only part of a longer word', () => {
    expect(isCommonPassword('Passport-Office-7!')).toBe(false);
    expect(isCommonPassword('Tokyoite#2026')).toBe(false);
    expect(isCommonPassword('Helloworkshop9!')).toBe(false);
  });
});

describe('MP-4 operator list (COMMON_PASSWORDS_FILE)', () => {
  const fileText =
    '\uFEFF# company list\r\n  Kyujin-2026!  \n\n   # indented comment\nHanamizuki\nＦｕｌｌ１\n';

  it('MP-4 parses one password per line, skipping comments and blank lines, trimmed and lower-cased', () => {
    expect(parseCommonPasswordList(fileText)).toEqual(new Set(['kyujin-2026!', 'hanamizuki', 'full1']));
    expect(parseCommonPasswordList('')).toEqual(new Set());
  });

  it('MP-4 refuses a password on the operator list in both policies, case-insensitively', () => {
    const extraCommon = parseCommonPasswordList(fileText);
    expect(seed('Kyujin-2026!')).toEqual([]);
    expect(seed('Kyujin-2026!', { extraCommon })).toEqual(['common']);
    expect(nist('KYUJIN-2026!', { extraCommon })).toEqual(['common']);
    expect(isCommonPassword('kyujin-2026!', extraCommon)).toBe(true);
  });

  it('MP-4 refuses an operator-listed word dressed up with digits and symbols', () => {
    const extraCommon = parseCommonPasswordList(fileText);
    expect(seed('Hanamizuki-7!')).toEqual([]);
    expect(seed('Hanamizuki-7!', { extraCommon })).toEqual(['common']);
  });
});

describe('MP-4 e-mail address', () => {
  it('MP-4 refuses a password containing the e-mail local part, case-insensitively', () => {
    expect(seed('Yamada.Taro#77', { email: 'yamada.taro@example.jp' })).toEqual(['contains_email']);
    expect(nist('my yamada.taro pass 7', { email: 'Yamada.Taro@Example.jp' })).toEqual(['contains_email']);
  });

  it('MP-4 also refuses the local part without its +tag', () => {
    expect(seed('Hanako9-Kobo!', { email: 'hanako9+hw@example.jp' })).toEqual(['contains_email']);
  });

  it('MP-4 ignores a local part shorter than 4 characters', () => {
    expect(seed('Kyujin-2026!', { email: 'kyu@example.jp' })).toEqual([]);
    expect(seed('Kyujin-2026!', { email: 'kyuj@example.jp' })).toEqual(['contains_email']);
  });

  it('MP-4 does not refuse a password unrelated to the e-mail address', () => {
    expect(seed('Kyujin-2026!', { email: 'yamada.taro@example.jp' })).toEqual([]);
  });
});

describe('MP-4 problem order', () => {
  it('MP-4 lists length, character, composition, common and e-mail problems in a stable order', () => {
    expect(seed('')).toEqual(['too_short', 'needs_letter', 'needs_digit', 'needs_symbol', 'common']);
    expect(seed('password')).toEqual(['needs_digit', 'needs_symbol', 'common']);
    expect(seed('abc')).toEqual(['too_short', 'needs_digit', 'needs_symbol', 'common']);
    expect(seed('パスワード2026')).toEqual(['not_half_width', 'needs_letter', 'needs_symbol', 'common']);
    expect(seed('ねこがすきな2026')).toEqual(['not_half_width', 'needs_letter', 'needs_symbol']);
    expect(seed('taro yamada', { email: 'taro@example.jp' })).toEqual([
      'not_half_width',
      'needs_digit',
      'needs_symbol',
      'contains_email',
    ]);
    expect(seed('Yamada1!', { email: 'yamada@example.jp' })).toEqual(['common', 'contains_email']);
    expect(seed('Password1!yamada', { email: 'yamada@example.jp' })).toEqual(['contains_email']);
    expect(seed(`${'x'.repeat(40)}`)).toEqual(['too_long', 'needs_digit', 'needs_symbol', 'common']);
    expect(nist('qwerty', { email: 'qwerty@example.jp' })).toEqual(['too_short', 'common', 'contains_email']);
  });
});

describe('MP-4 common passwords: the edges of each heuristic', () => {
  it('MP-4 a core that is a two-character keyboard or alphabet run is trivial', () => {
    expect(isCommonPassword('Qw2026!!')).toBe(true);
    expect(isCommonPassword('Yx2026!!')).toBe(true);
    expect(isCommonPassword('Xq2026!!')).toBe(false);
  });
  it('MP-4 a whole password made of a short unit repeated is trivial, even when its ends are digits', () => {
    expect(isCommonPassword('B2b2B2b2')).toBe(true);
  });
  it('MP-4 a unit that does not divide the length is no repetition; a long unit repeated is not trivial', () => {
    expect(isCommonPassword('Tk7mTk7mT')).toBe(false);
    expect(isCommonPassword('Kyujin26Kyujin26')).toBe(false);
  });
  it('MP-4 strips a decoration run longer than twelve characters in full, and keeps up to twelve of it', () => {
    expect(isCommonPassword('Fujisan1234567890123')).toBe(true);
    // 'daisuk' + '1' (leet for i) + twelve '!': only stripping exactly twelve finds 'daisuki'.
    expect(isCommonPassword(`Daisuk1${'!'.repeat(12)}`)).toBe(true);
    expect(isCommonPassword(`Daisuk2${'#'.repeat(12)}`)).toBe(false);
  });
  it('MP-4 analyses up to 256 characters; longer input is only looked up in the lists (it is too long anyway)', () => {
    expect(isCommonPassword('a'.repeat(256))).toBe(true);
    expect(isCommonPassword('a'.repeat(257))).toBe(false);
    expect(isCommonPassword('password'.repeat(40), new Set(['password'.repeat(40)]))).toBe(true);
  });
  it('MP-4 the operator list is searched with the NFKC form, and its stripped cores from four characters on', () => {
    expect(isCommonPassword('ｘｑ７', new Set(['xq7']))).toBe(true);
    expect(isCommonPassword('Zork2026!', new Set(['zork']))).toBe(true);
    expect(isCommonPassword('Xq2026!!', new Set(['xq']))).toBe(false);
  });
  it('MP-4 only a byte-order mark at the start of the file is dropped', () => {
    expect(parseCommonPasswordList('\uFEFFabc\uFEFFdef')).toEqual(new Set(['abc\uFEFFdef']));
    expect(parseCommonPasswordList('abc\uFEFFdef')).toEqual(new Set(['abc\uFEFFdef']));
  });
});

describe('MP-4 e-mail address: its local part as typed', () => {
  it('MP-4 trims the address before taking the local part', () => {
    expect(seed('Kyujin-2026!', { email: '  kyujin@example.jp' })).toEqual(['contains_email']);
  });
  it('MP-4 an address without @ is all local part', () => {
    expect(seed('Kyujintar9!x', { email: 'kyujintaro' })).toEqual([]);
    expect(seed('Kyujintaro9!', { email: 'kyujintaro' })).toEqual(['contains_email']);
  });
});

describe('MP-4 nist policy: characters nobody types', () => {
  it('MP-4 refuses control characters, NUL and broken Unicode under the nist policy', () => {
    expect(nist('ねこ が\u0001すきな 求職者')).toEqual(['invalid_chars']);
    expect(nist('ねこ が\uD800すきな 求職者')).toEqual(['invalid_chars']);
    expect(nist('ねこ が すきな 求職者')).toEqual([]);
  });
});
