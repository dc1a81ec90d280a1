/**
 * The pure decisions on an uploaded 応募書類 (SPEC AP-2, AP-3): extensions, the verdict order of
 * classify, display names. (No clock is involved in any of these rules.)
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../src/domain/vocabulary.ts';
import {
  type ByteDefect,
  type ByteFacts,
  classify,
  type DetectedFormat,
  DOCUMENT_EXTENSIONS,
  extensionOf,
  formatMatches,
  isOverFileLimit,
  MAX_BYTES,
  MAX_FILES,
  MAX_NAME_CHARS,
  MIME_OF_TYPE,
  normaliseFileName,
  parseDocumentKind,
  TYPE_OF_EXTENSION,
} from '../../src/modules/documents/document.rules.ts';

const facts = (format: DetectedFormat, defect: ByteDefect | null = null, size = 1000): ByteFacts => ({
  size,
  format,
  defect,
  mime: null,
});
const refusal = (f: ByteFacts, extension: string) => {
  const verdict = classify(f, extension);
  return verdict.ok ? null : verdict.refusal;
};

describe('document rules: what may be uploaded', () => {
  it('AP-2 allows exactly the ten extensions of the seed, at most 4 files of at most 2,097,152 bytes', () => {
    expect(DOCUMENT_EXTENSIONS).toEqual([
      'doc',
      'docx',
      'xls',
      'xlsx',
      'pdf',
      'jpg',
      'jpeg',
      'png',
      'bmp',
      'gif',
    ]);
    expect(MAX_FILES).toBe(4);
    expect(MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(isOverFileLimit(3)).toBe(false);
    expect(isOverFileLimit(4)).toBe(true);
    expect(DOCUMENT_KINDS).toEqual(['resume', 'work_history', 'job_card', 'other']);
    expect(parseDocumentKind('job_card')).toBe('job_card');
    expect(parseDocumentKind('JOB_CARD')).toBeNull();
    expect(parseDocumentKind(undefined)).toBeNull();
    expect(parseDocumentKind('')).toBeNull();
    expect(parseDocumentKind('toString')).toBeNull();
  });

  it('AP-2 accepts each allowed extension only with the bytes it names (.jpg and .jpeg both JPEG)', () => {
    for (const extension of DOCUMENT_EXTENSIONS) {
      const type = TYPE_OF_EXTENSION[extension];
      expect(classify(facts(type), extension)).toEqual({ ok: true, type });
      expect(MIME_OF_TYPE[type]).toMatch(/^(application|image)\//);
      for (const other of ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpeg', 'png', 'bmp', 'gif'] as const) {
        if (other !== type) expect(refusal(facts(other), extension)).toBe('type_mismatch');
      }
      for (const container of ['zip', 'cfb', 'other'] as const) {
        expect(refusal(facts(container), extension)).toBe('type_mismatch');
      }
    }
    expect(formatMatches('jpeg', 'jpg')).toBe(true);
    expect(formatMatches('jpeg', 'jpeg')).toBe(true);
    expect(formatMatches('ooxml_encrypted', 'docx')).toBe(true);
    expect(formatMatches('ooxml_encrypted', 'xlsx')).toBe(true);
    expect(formatMatches('ooxml_encrypted', 'doc')).toBe(false);
  });

  it('AP-2 refuses an empty file, one byte over 2 MB, and an extension not on the list, in that order', () => {
    expect(refusal(facts('pdf', null, 0), 'pdf')).toBe('empty');
    expect(refusal(facts('other', null, 0), 'exe')).toBe('empty');
    expect(classify(facts('pdf', null, MAX_BYTES), 'pdf').ok).toBe(true);
    expect(refusal(facts('pdf', null, MAX_BYTES + 1), 'pdf')).toBe('too_large');
    expect(refusal(facts('pdf', null, MAX_BYTES + 1), 'exe')).toBe('too_large');
    for (const extension of ['exe', 'svg', 'html', 'pptx', 'txt', '', 'PDF', 'toString']) {
      expect(refusal(facts('pdf'), extension)).toBe('not_allowed');
    }
  });

  it('AP-3 says "password" for an encrypted file of the family its name claims, "wrong type" otherwise', () => {
    expect(refusal(facts('pdf', 'encrypted'), 'pdf')).toBe('encrypted');
    for (const extension of ['docx', 'xlsx'] as const) {
      expect(refusal(facts('ooxml_encrypted', 'encrypted'), extension)).toBe('encrypted');
      expect(refusal(facts('zip', 'encrypted'), extension)).toBe('encrypted');
    }
    // Word opens a protected .docx renamed .doc by its content; it is still a password.
    expect(refusal(facts('ooxml_encrypted', 'encrypted'), 'doc')).toBe('encrypted');
    expect(refusal(facts('doc', 'encrypted'), 'doc')).toBe('encrypted');
    expect(refusal(facts('xls', 'encrypted'), 'xls')).toBe('encrypted');
    expect(refusal(facts('xls', 'encrypted'), 'docx')).toBe('encrypted');
    expect(refusal(facts('pdf', 'encrypted'), 'docx')).toBe('type_mismatch');
    expect(refusal(facts('ooxml_encrypted', 'encrypted'), 'pdf')).toBe('type_mismatch');
    expect(refusal(facts('ooxml_encrypted', 'encrypted'), 'png')).toBe('type_mismatch');
  });

  it('AP-2 refuses a zip bomb and a polyglot whatever the name claims, before type and password', () => {
    expect(refusal(facts('zip', 'zip_bomb'), 'docx')).toBe('zip_bomb');
    expect(refusal(facts('zip', 'zip_bomb'), 'pdf')).toBe('zip_bomb');
    expect(refusal(facts('png', 'polyglot'), 'png')).toBe('polyglot');
    expect(refusal(facts('png', 'polyglot'), 'pdf')).toBe('polyglot');
    expect(refusal(facts('zip', 'zip_bomb'), 'exe')).toBe('not_allowed');
  });

  it('AP-2 calls a file damaged when it is of the family its name claims, and refuses huge images of the right type', () => {
    expect(refusal(facts('pdf', 'corrupt'), 'pdf')).toBe('corrupt');
    expect(refusal(facts('cfb', 'corrupt'), 'doc')).toBe('corrupt');
    expect(refusal(facts('zip', 'corrupt'), 'xlsx')).toBe('corrupt');
    expect(refusal(facts('zip', null), 'xlsx')).toBe('type_mismatch');
    expect(refusal(facts('pdf', 'corrupt'), 'png')).toBe('type_mismatch');
    expect(refusal(facts('png', 'corrupt'), 'gif')).toBe('type_mismatch');
    expect(refusal(facts('png', 'too_many_pixels'), 'png')).toBe('too_many_pixels');
    expect(refusal(facts('gif', 'too_many_pixels'), 'jpg')).toBe('type_mismatch');
  });
});

describe('extensionOf', () => {
  it('AP-2 takes the last extension, lower-cased, and nothing from a leading dot or odd characters', () => {
    expect(extensionOf('履歴書.PDF')).toBe('pdf');
    expect(extensionOf('a.tar.gz')).toBe('gz');
    expect(extensionOf('cv.pdf.exe')).toBe('exe');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('pdf')).toBe('');
    expect(extensionOf('a.')).toBe('');
    expect(extensionOf('a.ｐｄｆ')).toBe('');
    expect(extensionOf('a.p df')).toBe('');
    expect(extensionOf('a.abcdefghijk')).toBe('');
    expect(extensionOf('a.abcdefghij')).toBe('abcdefghij');
  });
});

describe('normaliseFileName', () => {
  it('AP-2 keeps only the last part of a path: ../, absolute and Windows paths', () => {
    expect(normaliseFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(normaliseFileName('C:\\Users\\山田\\Desktop\\履歴書.pdf')).toBe('履歴書.pdf');
    expect(normaliseFileName('/var/www/../x.png')).toBe('x.png');
    expect(normaliseFileName('..')).toBe('document');
    expect(normaliseFileName('../')).toBe('document');
    expect(normaliseFileName('.')).toBe('document');
  });

  it('AP-2 removes NUL, control and bidirectional characters (the RTL override trick shows its real extension)', () => {
    expect(normaliseFileName('cv.pdf\u0000.exe')).toBe('cv.pdf.exe');
    expect(normaliseFileName('cv\u202Efdp.exe')).toBe('cvfdp.exe');
    expect(extensionOf(normaliseFileName('cv\u202Efdp.exe'))).toBe('exe');
    expect(normaliseFileName('a\u200Eb\u200Fc\u2066d\u2069\u061Ce.pdf')).toBe('abcde.pdf');
    expect(normaliseFileName('line\r\nbreak\t.pdf')).toBe('linebreak.pdf');
    expect(normaliseFileName('\uFEFFbom\u200Bzw.pdf')).toBe('bomzw.pdf');
    expect(normaliseFileName('c1\u0085\u009F.pdf')).toBe('c1.pdf');
    expect(normaliseFileName('lone\uD800.pdf')).toBe('lone.pdf');
    expect(normaliseFileName('\u0000\u0000')).toBe('document');
  });

  it('AP-2 composes to NFC (macOS decomposed 濁点) and keeps emoji with joiners whole', () => {
    const decomposed = 'ハ\u309Aスホ\u309Aート.pdf';
    expect(normaliseFileName(decomposed)).toBe('パスポート.pdf');
    expect(normaliseFileName('家族👨‍👩‍👧.png')).toBe('家族👨‍👩‍👧.png');
  });

  it('AP-2 replaces characters Windows refuses, trims spaces and dots, and guards device names', () => {
    expect(normaliseFileName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(normaliseFileName('  　履歴書 .pdf. ')).toBe('履歴書.pdf');
    expect(normaliseFileName('...hidden.pdf')).toBe('hidden.pdf');
    expect(normaliseFileName('CON.pdf')).toBe('_CON.pdf');
    expect(normaliseFileName('lpt1.docx')).toBe('_lpt1.docx');
    expect(normaliseFileName('console.pdf')).toBe('console.pdf');
  });

  it('AP-2 folds a full-width extension to ASCII and falls back when no name is left', () => {
    expect(normaliseFileName('履歴書.ＰＤＦ')).toBe('履歴書.PDF');
    expect(extensionOf(normaliseFileName('履歴書.ｄｏｃｘ'))).toBe('docx');
    expect(normaliseFileName('.pdf')).toBe('pdf');
    expect(normaliseFileName(' .pdf')).toBe('pdf');
    expect(normaliseFileName('\u202E.pdf')).toBe('pdf');
    expect(normaliseFileName('\u0000.pdf')).toBe('pdf');
    expect(normaliseFileName('a/ .pdf')).toBe('pdf');
    expect(normaliseFileName('')).toBe('document');
    expect(normaliseFileName('', '応募書類')).toBe('応募書類');
    expect(normaliseFileName('<>.pdf')).toBe('__.pdf');
  });

  it(`AP-2 cuts a 300-character name to ${MAX_NAME_CHARS} characters and keeps the extension`, () => {
    const long = `${'あ'.repeat(300)}.pdf`;
    const cut = normaliseFileName(long);
    expect([...cut].length).toBe(MAX_NAME_CHARS);
    expect(cut.endsWith('あ.pdf')).toBe(true);
    const emoji = `${'👨‍👩‍👧'.repeat(300)}.docx`;
    const segments = [
      ...new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(normaliseFileName(emoji)),
    ];
    expect(segments.length).toBe(MAX_NAME_CHARS);
    expect(segments.at(-6)!.segment).toBe('👨‍👩‍👧');
    const noExtension = 'x'.repeat(300);
    expect(normaliseFileName(noExtension)).toBe('x'.repeat(MAX_NAME_CHARS));
    const exact = `${'x'.repeat(MAX_NAME_CHARS - 4)}.pdf`;
    expect(normaliseFileName(exact)).toBe(exact);
  });
});
