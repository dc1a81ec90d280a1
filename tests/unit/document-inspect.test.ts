/**
 * What inspectDocument reads in a file's bytes, over the whole attack set (SPEC AP-2, AP-3) and the
 * edges of each format reader; and the readers checked against independent ones: pdf-lib refuses
 * the PDFs we call encrypted, officecrypto-tool agrees on every Office file, cfb finds the streams.
 */
import { randomBytes } from 'node:crypto';
import CFB from 'cfb';
import officeCrypto from 'officecrypto-tool';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  classify,
  extensionOf,
  MAX_BYTES,
  normaliseFileName,
  ZIP_LIMITS,
} from '../../src/modules/documents/document.rules.ts';
import { hasEncryptReference, inspectDocument } from '../../src/modules/documents/inspect.ts';
import {
  type Attack,
  attackSet,
  bmp,
  corruptByte,
  DOCX_MAIN,
  doc,
  docx,
  docxEntries,
  encryptedOffice,
  gif,
  hasQpdf,
  jpeg,
  pdf,
  png,
  qpdfEncrypted,
  validSet,
  xls,
  xlsx,
  zip,
} from '../support/upload-corpus.ts';

async function verdictOf(bytes: Uint8Array, name: string) {
  const facts = await inspectDocument(bytes);
  const verdict = classify(facts, extensionOf(normaliseFileName(name)));
  return { facts, refusal: verdict.ok ? null : verdict.refusal };
}

const refusalOf = async (bytes: Uint8Array, name: string) => (await verdictOf(bytes, name)).refusal;

describe('the upload attack set, file by file', () => {
  const attacks = attackSet();
  const valid = validSet();

  it.each(valid.map((a) => [a.label, a] as const))('AP-2 accepts a valid %s', async (_, file: Attack) => {
    expect(await refusalOf(file.bytes(), file.name)).toBeNull();
  });

  it.each(attacks.map((a) => [a.label, a.refusal, a] as const))(
    'AP-2/AP-3 refuses %s as %s',
    async (_, expected, file: Attack) => {
      const { refusal, facts } = await verdictOf(file.bytes(), file.name);
      expect(refusal, JSON.stringify(facts)).toBe(expected);
    },
    20_000,
  );

  it('AP-2 the attack set is complete and not one attack is accepted', async () => {
    const labels = attacks.map((a) => a.label).join('\n');
    for (const needed of [
      /PNG bytes named \.pdf/,
      /renamed \.exe/,
      /polyglot/,
      /encrypted PDF/,
      /encrypted docx/,
      /encrypted xlsx/,
      /encrypted doc /,
      /encrypted xls /,
      /zip bomb docx/,
      /RTL override/,
      /NUL/,
      /empty file/,
    ]) {
      expect(labels).toMatch(needed);
    }
    expect(attacks.length).toBeGreaterThanOrEqual(hasQpdf ? 40 : 36);
    const accepted: string[] = [];
    for (const attack of attacks) {
      if ((await refusalOf(attack.bytes(), attack.name)) === null) accepted.push(attack.label);
    }
    expect(accepted).toEqual([]);
  }, 30_000);

  it('AP-2 accepts a PDF of exactly 2,097,152 bytes and refuses one of 2,097,153', async () => {
    const exact = pdf({ size: MAX_BYTES });
    const over = pdf({ size: MAX_BYTES + 1 });
    expect(exact.length).toBe(MAX_BYTES);
    expect(over.length).toBe(MAX_BYTES + 1);
    expect(await refusalOf(exact, 'a.pdf')).toBeNull();
    expect(await refusalOf(over, 'a.pdf')).toBe('too_large');
  });
});

describe('independent readers agree', () => {
  it('AP-3 pdf-lib loads our valid PDFs and refuses every PDF we call encrypted', async () => {
    for (const bytes of [pdf(), pdf({ size: 50_000 })]) {
      expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    }
    const encrypted = [pdf({ encryptDictionary: true })];
    if (hasQpdf)
      encrypted.push(qpdfEncrypted(['256']), qpdfEncrypted(['256'], 'user', ['--object-streams=generate']));
    for (const bytes of encrypted) {
      expect((await inspectDocument(bytes)).defect).toBe('encrypted');
      await expect(PDFDocument.load(bytes)).rejects.toThrow(/encrypted/i);
    }
  });

  it('AP-3 officecrypto-tool agrees on which Office files are password-protected', async () => {
    const files = [
      { bytes: doc(), encrypted: false },
      { bytes: doc({ encrypted: true }), encrypted: true },
      { bytes: xls(), encrypted: false },
      { bytes: xls({ encrypted: true }), encrypted: true },
      { bytes: encryptedOffice(docx()), encrypted: true },
    ];
    for (const file of files) {
      expect(officeCrypto.isEncrypted(file.bytes)).toBe(file.encrypted);
      expect((await inspectDocument(file.bytes)).defect === 'encrypted').toBe(file.encrypted);
    }
  });

  it('AP-2 the cfb package reads the same streams in our .doc and .xls', () => {
    const word = CFB.read(doc(), { type: 'buffer' });
    expect(CFB.find(word, '/WordDocument')?.content.length).toBe(4608);
    const book = CFB.read(xls(), { type: 'buffer' });
    expect(CFB.find(book, '/Workbook')).toBeTruthy();
  });
});

describe('format readers at their edges', () => {
  it('AP-2 the OLE reader survives crossed directory links that make the cfb package abort the process', async () => {
    const base = doc();
    const directoryAt = 512 + base.readInt32LE(48) * 512;
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const started = Date.now();
    for (let n = 0; n < 300; n++) {
      const bytes = Buffer.from(base);
      for (let i = 0; i < 4; i++) {
        for (const field of [68, 72, 76]) bytes.writeInt32LE((next() % 7) - 1, directoryAt + i * 128 + field);
        bytes[directoryAt + i * 128 + 66] = [1, 2, 5, 0][next() % 4]!;
      }
      const facts = await inspectDocument(bytes);
      expect(['doc', 'cfb']).toContain(facts.format);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('AP-2 no flipped byte or cut in any valid file makes the readers throw', async () => {
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (const file of validSet().filter((f) => !f.label.includes('2,097,152'))) {
      const bytes = file.bytes();
      for (let n = 0; n < 150; n++) {
        const facts = await inspectDocument(corruptByte(bytes, next() % bytes.length));
        expect(facts.size).toBe(bytes.length);
      }
      for (const keep of [1, 8, Math.floor(bytes.length / 2), bytes.length - 8]) {
        expect(
          await refusalOf(bytes.subarray(0, keep), file.name),
          `${file.label} cut at ${keep}`,
        ).not.toBeNull();
      }
    }
  }, 30_000);

  it('AP-2 zip: declared totals and entry counts are refused before anything is inflated', async () => {
    const entries = docxEntries();
    const many = Array.from({ length: 6 }, (_, i) => ({
      name: `word/media/image${i}.bin`,
      data: randomBytes(60_000),
      declaredSize: 10 * 1024 * 1024,
    }));
    // Ratio under 200 each, 60 MB declared in all: over the total cap.
    const tooBig = await inspectDocument(zip([...entries, ...many]));
    expect(tooBig.defect).toBe('zip_bomb');
    expect(tooBig.detail).toMatch(/bytes uncompressed/);
    const crowd = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `x/${i}`,
      data: Buffer.from('a'),
    }));
    expect((await inspectDocument(zip([...entries, ...crowd]))).detail).toMatch(/entries/);
  });

  it('AP-2 zip: the main part decides docx or xlsx; a package without it is no Office file', async () => {
    const [types, rels, main] = docxEntries();
    expect(await refusalOf(zip([rels!, main!]), 'a.docx')).toBe('type_mismatch');
    expect(await refusalOf(zip([types!, rels!]), 'a.docx')).toBe('type_mismatch');
    const macro = types!.data
      .toString()
      .replace(DOCX_MAIN, 'application/vnd.ms-word.document.macroEnabled.main+xml');
    expect(
      await refusalOf(zip([{ name: types!.name, data: Buffer.from(macro) }, rels!, main!]), 'a.docx'),
    ).toBe('type_mismatch');
    const pptx = types!.data
      .toString()
      .replace(
        DOCX_MAIN,
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      );
    expect(
      await refusalOf(zip([{ name: types!.name, data: Buffer.from(pptx) }, rels!, main!]), 'a.docx'),
    ).toBe('type_mismatch');
    // Content types last, stored, with single quotes and data descriptors: still a docx.
    const single = types!.data.toString().replace(/"/g, "'");
    const reordered = zip([
      { ...main!, descriptor: true },
      { ...rels!, store: true },
      { name: types!.name, data: Buffer.from(single), store: true, descriptor: true },
    ]);
    expect(await refusalOf(reordered, 'a.docx')).toBeNull();
    expect(await refusalOf(xlsx(), 'a.xlsx')).toBeNull();
  });

  it('AP-2 zip: a bad CRC, a lying stored size and a truncated central directory are damage', async () => {
    const good = docx();
    const [types, rels, main] = docxEntries();
    expect(await refusalOf(zip([types!, rels!, { ...main!, store: true, declaredSize: 10 }]), 'a.docx')).toBe(
      'corrupt',
    );
    const crcAt = good.indexOf(Buffer.from('word/document.xml')) - 16;
    expect(await refusalOf(corruptByte(good, crcAt), 'a.docx')).not.toBeNull();
    expect(await refusalOf(good.subarray(0, good.length - 30), 'a.docx')).not.toBeNull();
    expect(await refusalOf(Buffer.concat([good, Buffer.alloc(16)]), 'a.docx')).toBeNull();
  });

  it('AP-3 PDF: a header not at offset 0, no %%EOF, no startxref are refused; /Encrypt as a word is no encryption, as a key with a reference it is (even in page text: a known, rare false refusal)', async () => {
    // Readers accept the header anywhere in the first 1 KiB: so a PDF after other bytes is a polyglot.
    expect(await refusalOf(Buffer.concat([Buffer.from('junk'), pdf()]), 'a.pdf')).toBe('polyglot');
    expect(await refusalOf(Buffer.concat([Buffer.alloc(2000, 0x20), pdf()]), 'a.pdf')).toBe('type_mismatch');
    expect(
      await refusalOf(Buffer.from(pdf().toString('latin1').replace('%%EOF', '%%EOX'), 'latin1'), 'a.pdf'),
    ).toBe('corrupt');
    expect(
      await refusalOf(
        Buffer.from(pdf().toString('latin1').replace('startxref', 'startxxef'), 'latin1'),
        'a.pdf',
      ),
    ).toBe('corrupt');
    expect(await refusalOf(pdf({ text: 'see /Encrypt 5 0 R in the spec' }), 'a.pdf')).toBe('encrypted');
    expect(await refusalOf(pdf({ text: 'the word Encrypt and /EncryptMetadata' }), 'a.pdf')).toBeNull();
  });

  it('AP-3 PDF: the /Encrypt search on the bytes decides as the regex on the latin1 text does, on 20,000 made-up texts', () => {
    const regex = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;
    // After the key: runs of spaces (NBSP counts, NEL does not), digits, R, < and other bytes.
    const tail = [
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\t',
      '\v',
      '\f',
      '\xa0',
      '\x85',
      '0',
      '12',
      '5',
      'R',
      '<',
      '<<',
      'x',
      '/',
    ];
    let seed = 42;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const pick = (list: string[], most: number) =>
      Array.from({ length: next() % (most + 1) }, () => list[next() % list.length]).join('');
    const made = () => {
      let text = pick(['x', ' ', 'R', '/', 'Encrypt'], 3);
      for (let k = 0; k <= next() % 2; k++) text += `/Encrypt${pick(tail, 7)}`;
      return text;
    };
    const disagreements: string[] = [];
    let encrypted = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = made();
      const expected = regex.test(text);
      if (expected) encrypted++;
      if (hasEncryptReference(Buffer.from(text, 'latin1')) !== expected)
        disagreements.push(JSON.stringify(text));
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Both outcomes occur often enough for the comparison to mean something.
    expect(encrypted).toBeGreaterThan(1000);
    expect(encrypted).toBeLessThan(19_000);
  });

  it('AP-2 images: padding after the end is allowed, a missing end or IEND is damage, huge dimensions are refused', async () => {
    expect(await refusalOf(Buffer.concat([png(), Buffer.alloc(32)]), 'a.png')).toBeNull();
    expect(await refusalOf(png().subarray(0, png().length - 12), 'a.png')).toBe('corrupt');
    expect(await refusalOf(gif().subarray(0, gif().length - 1), 'a.gif')).toBe('corrupt');
    expect(
      await refusalOf(Buffer.from(gif().toString('latin1').replace('GIF89a', 'GIF87a'), 'latin1'), 'a.gif'),
    ).toBeNull();
    expect(await refusalOf(jpeg({ width: 20_000, height: 20_000 }), 'a.jpg')).toBe('too_many_pixels');
    expect(await refusalOf(jpeg({ width: 8_000, height: 8_000 }), 'a.jpg')).toBeNull();
    expect(await refusalOf(jpeg().subarray(0, jpeg().length - 2), 'a.jpg')).toBe('corrupt');
    const huge = gif();
    huge.writeUInt16LE(65_535, 6);
    huge.writeUInt16LE(65_535, 8);
    expect(await refusalOf(huge, 'a.gif')).toBe('too_many_pixels');
    const wrongSize = bmp();
    wrongSize.writeUInt32LE(wrongSize.length + 10, 2);
    expect(await refusalOf(wrongSize, 'a.bmp')).toBe('corrupt');
  });

  it('AP-2 JPEG: stuffed 0xFF00 and restart markers inside a scan do not end it', async () => {
    const plain = jpeg();
    const scanEnd = plain.length - 2;
    const stuffed = Buffer.concat([
      plain.subarray(0, scanEnd),
      Buffer.from([0xff, 0x00, 0xff, 0xd0, 0x3f]),
      plain.subarray(scanEnd),
    ]);
    expect(await refusalOf(stuffed, 'a.jpg')).toBeNull();
  });

  it('AP-2 OLE: an OLE file that is neither Word nor Excel, and a broken FIB, are refused', async () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/PowerPoint Document', Buffer.alloc(5000));
    const ppt = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    expect(await refusalOf(ppt, 'a.doc')).toBe('type_mismatch');
    const broken = doc();
    const fib = broken.indexOf(Buffer.from([0xec, 0xa5, 0xc1, 0x00]));
    broken[fib] = 0;
    expect(await refusalOf(broken, 'a.doc')).toBe('corrupt');
  });
});
