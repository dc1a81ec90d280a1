/**
 * Password rules (SPEC MP-4): 「パスワード：半角の数字、英字、記号を組み合わせ、8桁以上32桁以内」.
 *
 * Two policies, chosen by the operator:
 * - `'seed'` (default): the published Hello Work rule. Printable ASCII 0x21–0x7E only (no space, no
 *   full-width characters, no kana), at least one letter, one digit and one symbol
 *   (ASCII punctuation), 8–32 characters.
 * - `'nist'`: NIST SP 800-63B / OWASP ASVS. 8–64 characters, any characters (full-width, kana, spaces
 *   included), no composition rule. Unicode normalisation before hashing is the hashing layer's concern.
 * Lengths count code points, not UTF-16 units. In every policy the most common passwords are refused.
 *
 * Composition checks (seed) look at the NFKC form, so a password typed with the IME in full-width mode
 * ('Ｋｙｕｊｉｎ２０２６！') gets the one relevant problem, `not_half_width`, rather than four.
 *
 * Common-password detection (isCommonPassword) works on the NFKC, lower-cased password:
 * 1. Exact lookup in COMMON_PASSWORDS (an embedded list of widely used passwords, composed by hand, with
 *    the variants that satisfy the seed rule such as 'p@ssw0rd1!') and in the operator's extra list.
 *    Operators can add a larger list through a file (COMMON_PASSWORDS_FILE, one password per line,
 *    '#' comment lines) parsed by parseCommonPasswordList and passed in as `extraCommon`.
 * 2. The whole password is trivial: one character repeated, a short unit repeated ('Ab1!Ab1!'), or an
 *    alphabet / number / keyboard sequence ('abcdefgh', '98765432', '1qaz2wsx').
 * 3. The core: leading and trailing runs of digits, symbols and spaces are stripped ('Sakura2026!' →
 *    'sakura'). The password is refused when the fully stripped core is empty, trivial (as in 2), a base
 *    word repeated, or when any partially stripped core equals a BASE_WORDS entry or a COMMON_PASSWORDS
 *    entry after undoing leetspeak (@ 4 → a, 0 → o, 1 ! | → i or l, 3 → e, $ 5 → s, 7 + → t, 8 → b,
 *    9 → g). Partial stripping lets a leading '@' stand for an 'a' ('@dmin123') and a trailing '1!' be
 *    either decoration or letters. Separators inside the core (space - _ .) are also tried removed
 *    ('pass-word1!').
 * Cores are compared for equality only, never searched as substrings, so strong wordy passwords such as
 * 'Kyujin-2026!' or 'correct-Horse-9-battery' are not flagged.
 * Inputs longer than MAX_ANALYSED code points are only looked up in the lists: every policy refuses them
 * as too long anyway, and this keeps the work bounded.
 */
import { hasForbiddenChars } from '../../platform/text.ts';

export type PasswordPolicy = 'seed' | 'nist';

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'not_half_width'
  | 'invalid_chars'
  | 'needs_letter'
  | 'needs_digit'
  | 'needs_symbol'
  | 'common'
  | 'contains_email';

export interface PasswordCheckInput {
  password: string;
  policy: PasswordPolicy;
  email?: string;
  extraCommon?: ReadonlySet<string>;
}

export const PASSWORD_LIMITS: Record<PasswordPolicy, { min: number; max: number }> = {
  seed: { min: 8, max: 32 },
  nist: { min: 8, max: 64 },
};

/** Shortest e-mail local part that a password may not contain. */
const MIN_EMAIL_LOCAL = 4;
/** Longest input the heuristics look at (code points). */
const MAX_ANALYSED = 256;
/** How many characters of each leading / trailing run are tried kept (partial stripping). */
const MAX_PARTIAL_STRIP = 12;
/** Shortest stripped core looked up in the operator's extra list (short entries would over-match). */
const MIN_EXTRA_CORE = 4;
/** A whole password that is a unit of at most this many characters repeated is trivial. */
const MAX_REPEATED_UNIT = 4;

const HALF_WIDTH = /^[\x21-\x7e]*$/;
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const SYMBOL = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
/** Characters stripped from both ends to find the core: digits, ASCII punctuation, white space. */
const DECORATION = /^[0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~\s]$/u;
const SEPARATOR = /^[\s\-_.]$/u;

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/u));

/**
 * The most commonly used passwords, lower-case, composed by hand from general knowledge of what people
 * choose; variants that meet the seed rule (letter + digit + symbol, 8+ characters) matter most.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = words(`
  123456 1234567 12345678 123456789 1234567890 12345 1234 111111 11111111 000000 00000000 123123
  654321 666666 121212 112233 123321 888888 88888888 987654321 147258369 159753 123qwe 123abc
  1q2w3e 1q2w3e4r 1q2w3e4r! 1q2w3e4r5t 1q2w3e4r5t! 1qaz2wsx 1qaz@wsx !qaz2wsx 1qazxsw2 zaq12wsx
  zaq1@wsx zaq!2wsx qazwsx qazwsxedc !qaz@wsx
  password passw0rd p@ssw0rd p@ssword pa55word pa$$word p@$$w0rd passwort motdepasse password1
  password12 password123 password1234 password! password1! password12! password123! password@123
  password#1 password1# p@ssw0rd1 p@ssw0rd! p@ssw0rd1! p@ssw0rd12 p@ssw0rd123 p@ssw0rd123! passw0rd!
  passw0rd1 passw0rd1! passw0rd123 passw0rd123! p@ssword1 p@ssword1! p@ssword123 pass1234 pass1234!
  pass@123 pass@word1 passpass mypassword mypassword1! newpassword newpassword1!
  qwerty qwerty1 qwerty12 qwerty123 qwerty1! qwerty123! qwerty@123 qwerty!@# qwertyuiop qwertyui
  qwer1234 qwer1234! qwe123 qwe123!@# qwert123 qwerty1234 asdf1234 asdf1234! asdfgh asdfghjkl
  asdfasdf zxcvbnm zxcvbn zxcv1234 zxcvbnm1! 1qazxcv
  abc123 abc12345 abc123! abc123!@# abc@123 abcd1234 abcd1234! abcd@1234 abcdefg abcdefgh abcdef123
  aa123456 a123456 a12345678 a123456! a1b2c3d4 a1b2c3 1a2b3c4d aaaaaa aaaaaaaa a1a1a1a1
  iloveyou iloveyou1 iloveyou! iloveyou1! il0veyou i1oveyou loveyou lovely loveme lover
  letmein letmein1 letmein! letmein1! letmein123 welcome welcome1 welcome123 welcome1! welcome@123
  welcome123! w3lcome admin admin1 admin123 admin1234 admin123! admin@123 admin!@# adm1n adm1n123!
  administrator adminadmin root root123 root@123 toor guest guest123 user user123 user1234 user@123
  test test123 test1234 test123! test@123 testtest tester demo demo123 login login123 changeme
  changeme1 changeme! changeme123 default secret secret123 secret1! monkey monkey123 dragon dragon123
  master master123 sunshine sunshine1 princess princess1 football football1 baseball baseball1 soccer
  hockey shadow shadow123 superman batman spiderman trustno1 whatever freedom starwars michael
  jordan23 charlie computer internet summer summer2024 summer2025 summer2026 winter spring autumn
  flower cookie cheese pepper ginger tigger killer hunter ranger buster access mustang matrix hello
  hello123 hello123! hello@123 hello1234 helloworld helloworld1! hello!123 google facebook apple123
  samsung microsoft iphone android system server oracle cisco manager office company 696969 7777777
  azerty qwertz sample example nopassword blank pokemon123 welcome2026 welcome2026! spring2026!
  winter2026! passwort1!
  sakura sakura123 sakura1 sakura1! sakura2025 sakura2026 sakura123! sakurasaku tokyo tokyo123
  tokyo2020 tokyo2020! osaka osaka123 kyoto nagoya yokohama fukuoka sapporo kobe sendai hokkaido
  okinawa nihon nippon japan japan123 japan123! nihon123 nippon123 doraemon pokemon pikachu naruto
  onepiece totoro gundam ultraman hellokitty kitty anpanman sailormoon dragonball kamisama arigato
  arigatou konnichiwa aishiteru daisuki kawaii genki fujisan himawari momotaro hanako yamada suzuki
  tanaka satou sato takahashi watanabe ramen sushi tamago neko inu tanuki kitsune samurai ninja
  hellowork hellowork1 hellowork1! hellowork123 hellowork! hellowork2026! harowaku harowaku1 hallowork
  mypage mypage123 mypage1! shigoto shigoto1 パスワード ぱすわーど
`);

/**
 * Words that make a password common when they are all that remains once digits and symbols around
 * them are stripped (and leetspeak undone): 'Sakura2026!', 'P@ssw0rd1!', 'Hellowork1!'.
 */
export const BASE_WORDS: ReadonlySet<string> = words(`
  password passwd passw passwort pass pword pwd qwerty qwertz qwert qwer azerty asdf asdfg asdfgh
  zxcv zxcvb zxcvbn qaz qazwsx abc xyz admin administrator adm root toor user guest test tester demo
  login logon welcome letmein iloveyou loveyou love lovely loveme monkey dragon master sunshine
  princess football baseball soccer hockey hello helloworld hellowork harowaku hallowork shadow
  superman batman spiderman secret whatever freedom starwars michael charlie computer internet summer
  winter spring autumn flower cookie cheese pepper ginger tigger killer hunter ranger buster access
  mustang matrix changeme default system server oracle cisco manager office company google facebook
  apple samsung microsoft iphone android sample example mypage shigoto
  sakura tokyo osaka kyoto nagoya yokohama fukuoka sapporo hokkaido okinawa nihon nippon japan
  doraemon pokemon pikachu naruto onepiece totoro gundam ultraman hellokitty kitty anpanman
  sailormoon dragonball arigato arigatou konnichiwa aishiteru daisuki kawaii genki fujisan himawari
  samurai ninja
`);

/** Letters a leetspeak character may stand for. */
const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '9': 'g',
  '1': 'il',
  '!': 'il',
  '|': 'il',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/** Runs along which a string is a "sequence" (forwards or backwards). */
const SEQUENCES: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '!@#$%^&*()',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  'qazwsxedcrfvtgbyhnujmikolp',
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん',
];

/** Entries of a word set grouped by length in code points, for leet-aware comparison. */
const byLength = (set: ReadonlySet<string>): ReadonlyMap<number, readonly string[]> => {
  const map = new Map<number, string[]>();
  for (const word of set) {
    const length = Array.from(word).length;
    map.set(length, [...(map.get(length) ?? []), word]);
  }
  return map;
};

const BASE_BY_LENGTH = byLength(BASE_WORDS);
const COMMON_BY_LENGTH = byLength(COMMON_PASSWORDS);

const normalise = (password: string): string => password.normalize('NFKC').toLowerCase();

const codePoints = (text: string): string[] => Array.from(text);

/** True when `candidate` equals `word` once leetspeak in `candidate` is read as letters. */
const leetEquals = (candidate: readonly string[], word: string): boolean => {
  const target = codePoints(word);
  if (target.length !== candidate.length) return false;
  return candidate.every((c, i) => c === target[i] || (LEET[c] ?? '').includes(target[i] ?? '\u0000'));
};

const leetMatchesAny = (candidate: readonly string[], index: ReadonlyMap<number, readonly string[]>) =>
  (index.get(candidate.length) ?? []).some((word) => leetEquals(candidate, word));

const isRepeatedChar = (chars: readonly string[]): boolean =>
  chars.length > 0 && chars.every((c) => c === chars[0]);

/** True for a run of at least two characters along one of SEQUENCES, either direction. */
const isSequence = (chars: readonly string[]): boolean => {
  if (chars.length < 2) return false;
  const text = chars.join('');
  const reversed = [...chars].reverse().join('');
  return SEQUENCES.some((run) => run.includes(text) || run.includes(reversed));
};

/** The shortest unit whose repetition (at least twice) makes up `chars`, or undefined. */
const repeatedUnit = (chars: readonly string[]): string[] | undefined => {
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    if (chars.every((c, i) => c === chars[i % size])) return chars.slice(0, size);
  }
  return undefined;
};

const isTrivial = (chars: readonly string[]): boolean => {
  if (isRepeatedChar(chars) || isSequence(chars)) return true;
  const unit = repeatedUnit(chars);
  return unit !== undefined && (unit.length <= MAX_REPEATED_UNIT || isSequence(unit));
};

const leadingRun = (chars: readonly string[]): number => {
  const index = chars.findIndex((c) => !DECORATION.test(c));
  return index === -1 ? chars.length : index;
};

const trailingRun = (chars: readonly string[]): number => leadingRun([...chars].reverse());

/** How many characters to strip from one end: all, none, and up to MAX_PARTIAL_STRIP in between. */
const stripAmounts = (run: number): number[] => {
  const amounts = new Set<number>([run]);
  for (let n = 0; n <= Math.min(run, MAX_PARTIAL_STRIP); n++) amounts.add(n);
  return [...amounts];
};

/** Every core obtained by stripping part or all of the leading and trailing decoration. */
const candidateCores = (chars: readonly string[]): string[][] => {
  const lead = leadingRun(chars);
  if (lead === chars.length) return [];
  const trail = trailingRun(chars);
  const cores: string[][] = [];
  for (const start of stripAmounts(lead)) {
    for (const end of stripAmounts(trail)) cores.push(chars.slice(start, chars.length - end));
  }
  return cores;
};

const withoutSeparators = (chars: readonly string[]): string[] => chars.filter((c) => !SEPARATOR.test(c));

const isCommonCore = (core: readonly string[]): boolean =>
  [core, withoutSeparators(core)].some(
    (form) =>
      form.length > 0 && (leetMatchesAny(form, BASE_BY_LENGTH) || leetMatchesAny(form, COMMON_BY_LENGTH)),
  );

/** The fully stripped core is empty, trivial, or a base word repeated ('asdfasdf', 'sakurasakura'). */
const isWeakFullCore = (core: readonly string[]): boolean =>
  core.length === 0 ||
  [core, withoutSeparators(core)].some((form) => {
    if (isTrivial(form)) return true;
    const unit = repeatedUnit(form);
    return unit !== undefined && leetMatchesAny(unit, BASE_BY_LENGTH);
  });

const fullCore = (chars: readonly string[]): string[] => {
  const lead = leadingRun(chars);
  return lead === chars.length ? [] : chars.slice(lead, chars.length - trailingRun(chars));
};

const inLists = (text: string, extraCommon?: ReadonlySet<string>): boolean =>
  COMMON_PASSWORDS.has(text) || (extraCommon?.has(text) ?? false);

/** Whether `password` is a commonly used password (see the file comment for the approach). */
export function isCommonPassword(password: string, extraCommon?: ReadonlySet<string>): boolean {
  const text = normalise(password);
  if (inLists(text, extraCommon) || inLists(password.toLowerCase(), extraCommon)) return true;
  const chars = codePoints(text);
  if (chars.length > MAX_ANALYSED) return false;
  if (chars.length === 0 || isTrivial(chars)) return true;
  const core = fullCore(chars);
  if (isWeakFullCore(core)) return true;
  if (core.length >= MIN_EXTRA_CORE && (extraCommon?.has(core.join('')) ?? false)) return true;
  return candidateCores(chars).some(isCommonCore);
}

/**
 * Parses an operator-supplied list of common passwords (COMMON_PASSWORDS_FILE): one password per line;
 * lines whose first non-blank character is '#' are comments; entries are trimmed, NFKC-normalised and
 * lower-cased; blank lines are skipped.
 */
export function parseCommonPasswordList(text: string): Set<string> {
  const entries = text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(normalise);
  return new Set(entries);
}

/** The local part(s) of the e-mail address a password must not contain: as given, and without a +tag. */
const emailLocalParts = (email: string | undefined): string[] => {
  if (email === undefined) return [];
  const address = normalise(email.trim());
  const at = address.lastIndexOf('@');
  const local = at === -1 ? address : address.slice(0, at);
  const parts = [local, local.split('+')[0] ?? ''];
  return [...new Set(parts)].filter((part) => codePoints(part).length >= MIN_EMAIL_LOCAL);
};

const containsEmail = (password: string, email: string | undefined): boolean => {
  const text = normalise(password);
  return emailLocalParts(email).some((local) => text.includes(local));
};

const lengthProblems = (password: string, policy: PasswordPolicy): PasswordProblem[] => {
  const length = codePoints(password).length;
  const { min, max } = PASSWORD_LIMITS[policy];
  if (length < min) return ['too_short'];
  if (length > max) return ['too_long'];
  return [];
};

/** Seed-policy character rules; composition is judged on the NFKC form (full-width 'Ａ' is a letter). */
const compositionProblems = (password: string): PasswordProblem[] => {
  const folded = password.normalize('NFKC');
  const problems: PasswordProblem[] = [];
  if (!HALF_WIDTH.test(password)) problems.push('not_half_width');
  if (!LETTER.test(folded)) problems.push('needs_letter');
  if (!DIGIT.test(folded)) problems.push('needs_digit');
  if (!SYMBOL.test(folded)) problems.push('needs_symbol');
  return problems;
};

/**
 * Checks a proposed password against MP-4 under `policy`. Returns [] when acceptable; otherwise the
 * problems in this order: too_short | too_long, not_half_width (seed) or invalid_chars (nist), needs_letter, needs_digit,
 * needs_symbol, common, contains_email.
 */
export function checkPassword(input: PasswordCheckInput): PasswordProblem[] {
  const { password, policy, email, extraCommon } = input;
  const problems = [...lengthProblems(password, policy)];
  if (policy === 'seed') problems.push(...compositionProblems(password));
  // Under every policy: no control characters, NUL or broken Unicode (they are never typed).
  else if (hasForbiddenChars(password)) problems.push('invalid_chars');
  if (isCommonPassword(password, extraCommon)) problems.push('common');
  if (containsEmail(password, email)) problems.push('contains_email');
  return problems;
}
