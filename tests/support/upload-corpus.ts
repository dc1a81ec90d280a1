/**
 * The upload attack set (issue 11, SPEC AP-2, AP-3): every file is built here, in code — minimal
 * valid PDF, PNG, JPEG, GIF, BMP, docx, xlsx, doc and xls, and from them the attacks: wrong type for
 * the name, renamed executable, polyglots, password-protected files of every kind, zip bombs, hostile
 * names, empty and exactly-too-large files. Plus a raw multipart body writer (raw, so names with NUL
 * or U+202E reach the parser as an attacker sends them) and streams that are chunked, endless or cut.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import CFB from 'cfb';
import officeCrypto from 'officecrypto-tool';
import type { FileRefusal } from '../../src/modules/documents/document.rules.ts';

const ascii = (s: string) => Buffer.from(s, 'latin1');
const u16 = (v: number) => Buffer.from([v & 0xff, (v >> 8) & 0xff]);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
const u32be = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0);
  return b;
};

// ─── PDF ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A one-page PDF with a correct cross-reference table, padded to exactly `size` bytes when asked.
 * The padding is a stream of '0' characters, or with `binary` of pseudo-random bytes, as the
 * compressed streams of a real PDF are (what the multipart parser's boundary search sees matters:
 * a long run of one character that occurs in the boundary is its slowest input).
 */
export function pdf(
  options: { size?: number; encryptDictionary?: boolean; text?: string; binary?: boolean } = {},
): Buffer {
  const fill = options.binary ? binaryFiller : (n: number) => '0'.repeat(n);
  const build = (filler: number) => {
    const content = `BT /F1 12 Tf 72 720 Td (${options.text ?? 'Rirekisho'}) Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Length ${filler} >>\nstream\n${fill(filler)}\nendstream`,
    ];
    if (options.encryptDictionary) {
      // The Standard security handler's dictionary (PDF 32000-1 §7.6.3), as an RC4 40-bit file has it.
      objects.push(
        `<< /Filter /Standard /V 1 /R 2 /O <${'28bf4e5e'.repeat(8)}> /U <${'a1b2c3d4'.repeat(8)}> /P -44 >>`,
      );
    }
    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const encrypt = options.encryptDictionary
      ? ` /Encrypt ${objects.length} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`
      : '';
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
    return ascii(out);
  };
  const bare = build(0);
  if (options.size === undefined) return bare;
  // The filler's digits change the Length and offsets: aim, then correct by the difference.
  let filler = options.size - bare.length;
  for (let i = 0; i < 5; i++) {
    const got = build(filler).length;
    if (got === options.size) return build(filler);
    filler += options.size - got;
  }
  throw new Error(`cannot make a PDF of exactly ${options.size} bytes`);
}

/** `n` pseudo-random bytes as a latin1 string (xorshift32, fixed seed: the same bytes every run). */
function binaryFiller(n: number): string {
  const bytes = Buffer.alloc(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes.toString('latin1');
}

export const hasQpdf = (() => {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * A PDF really encrypted by qpdf: `key` is the key length and its options (AES-256 by default),
 * `user` the password asked on opening ('' opens without asking), `before` options such as
 * --object-streams=generate.
 */
export function qpdfEncrypted(key: string[] = ['256'], user = 'user', before: string[] = []): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'hw-qpdf-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf());
    const args = [...before, '--encrypt', user, 'owner', ...key, '--', 'in.pdf', 'out.pdf'];
    execFileSync('qpdf', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ─── Images ─────────────────────────────────────────────────────────────────────────────────────

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([ascii(type), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

/** A grey PNG of `width`×`height` (header dimensions only when `declared` is given). */
export function png(width = 2, height = 2, declared?: { width: number; height: number }): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)]);
  const ihdr = Buffer.concat([
    u32be(declared?.width ?? width),
    u32be(declared?.height ?? height),
    Buffer.from([8, 0, 0, 0, 0]),
  ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A baseline JPEG of one 8×8 grey block: one-code Huffman tables (DC category 0, AC end-of-block),
 * so the scan is the two bits 00 padded with ones. `comment` adds a COM segment.
 */
export function jpeg(options: { comment?: string; width?: number; height?: number } = {}): Buffer {
  const segment = (marker: number, data: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker]), u16be(data.length + 2), data]);
  const width = options.width ?? 8;
  const height = options.height ?? 8;
  const parts = [
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.concat([ascii('JFIF\0'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])])),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(
      0xc0,
      Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([1, 1, 0x11, 0])]),
    ),
    segment(0xc4, Buffer.concat([Buffer.from([0x00, 1]), Buffer.alloc(15), Buffer.from([0])])),
    segment(0xc4, Buffer.concat([Buffer.from([0x10, 1]), Buffer.alloc(15), Buffer.from([0])])),
  ];
  if (options.comment) parts.push(segment(0xfe, ascii(options.comment)));
  parts.push(
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  );
  return Buffer.concat(parts);
}

function u16be(v: number): Buffer {
  return Buffer.from([(v >> 8) & 0xff, v & 0xff]);
}

/** A 1×1 GIF89a (two-colour table, one image, LZW data 02 02 44 01 00). */
export function gif(): Buffer {
  return Buffer.concat([
    ascii('GIF89a'),
    u16(1),
    u16(1),
    Buffer.from([0x80, 0, 0]),
    Buffer.from([0, 0, 0, 0xff, 0xff, 0xff]),
    Buffer.from([0x21, 0xf9, 4, 1, 0, 0, 0, 0]),
    Buffer.from([0x2c]),
    u16(0),
    u16(0),
    u16(1),
    u16(1),
    Buffer.from([0]),
    Buffer.from([2, 2, 0x44, 0x01, 0]),
    Buffer.from([0x3b]),
  ]);
}

/** A 24-bit BMP of 1×1 (one row padded to 4 bytes). */
export function bmp(): Buffer {
  const pixels = Buffer.from([0x00, 0x00, 0xff, 0x00]);
  const info = Buffer.concat([
    u32(40),
    u32(1),
    u32(1),
    u16(1),
    u16(24),
    u32(0),
    u32(pixels.length),
    u32(2835),
    u32(2835),
    u32(0),
    u32(0),
  ]);
  const size = 14 + info.length + pixels.length;
  return Buffer.concat([ascii('BM'), u32(size), u32(0), u32(14 + info.length), info, pixels]);
}

// ─── Zip, docx, xlsx ────────────────────────────────────────────────────────────────────────────

export interface ZipInput {
  name: string;
  data: Buffer;
  store?: boolean;
  /** Lie in both headers about the uncompressed size. */
  declaredSize?: number;
  /** Set the "encrypted" flag (traditional PKWARE encryption). */
  encryptedFlag?: boolean;
  /** Sizes and CRC after the data (flag bit 3), as streaming writers do. */
  descriptor?: boolean;
}

/**
 * A zip file. `overlapCopies` adds directory entries that all point at the first local file (the
 * non-recursive zip bomb); `gapAfterFirst` hides bytes between the first and second entries.
 */
export function zip(
  entries: ZipInput[],
  options: { overlapCopies?: number; gapAfterFirst?: Buffer } = {},
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.store ? entry.data : deflateRawSync(entry.data);
    const method = entry.store ? 0 : 8;
    const flags = (entry.encryptedFlag ? 1 : 0) | (entry.descriptor ? 8 : 0) | 0x800;
    const size = entry.declaredSize ?? entry.data.length;
    const sizes = Buffer.concat([u32(crc32(entry.data)), u32(data.length), u32(size)]);
    const head = (withSizes: boolean) =>
      Buffer.concat([
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        withSizes ? sizes : Buffer.alloc(12),
        u16(name.length),
        u16(0),
      ]);
    const common = head(true);
    // With a data descriptor the local header has no sizes; they follow the data (signature included).
    const trailer = entry.descriptor ? Buffer.concat([u32(0x08074b50), sizes]) : Buffer.alloc(0);
    const local = Buffer.concat([u32(0x04034b50), u16(20), head(!entry.descriptor), name, data, trailer]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        common,
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
    if (index === 0 && options.gapAfterFirst) {
      locals.push(options.gapAfterFirst);
      offset += options.gapAfterFirst.length;
    }
  });
  for (let copy = 0; copy < (options.overlapCopies ?? 0); copy++) {
    const first = central[0]!;
    const renamed = Buffer.from(first);
    const nameAt = 46;
    const suffix = Buffer.from(String(copy).padStart(4, '0'));
    central.push(
      Buffer.concat([
        renamed.subarray(0, 28),
        u16(renamed.readUInt16LE(28) + 4),
        renamed.subarray(30, nameAt),
        renamed.subarray(nameAt),
        suffix,
      ]),
    );
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(central.length),
    u16(central.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${main}"/></Types>`;
const RELS = (part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part.slice(1)}"/></Relationships>`;

export const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

export function docxEntries(body = '職務経歴書'): ZipInput[] {
  return [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES(DOCX_MAIN, '/word/document.xml')) },
    { name: '_rels/.rels', data: Buffer.from(RELS('/word/document.xml')) },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
  ];
}

export const docx = (body?: string) => zip(docxEntries(body));

export function xlsx(): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES(XLSX_MAIN, '/xl/workbook.xml')) },
    { name: '_rels/.rels', data: Buffer.from(RELS('/xl/workbook.xml')) },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
      ),
    },
  ]);
}

/** A docx whose document.xml is 100 MB of the same byte: about 100 KB compressed. */
export function zipBombDocx(): Buffer {
  const entries = docxEntries();
  entries[2] = { name: 'word/document.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20) };
  return zip(entries);
}

/** A docx that claims document.xml is 1 KB while it inflates to 20 MB. */
export function lyingZipBombDocx(): Buffer {
  const entries = docxEntries();
  entries[2] = { name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1024 };
  return zip(entries);
}

/** A docx with 300 directory entries all pointing at the same local file. */
export const overlappingZipBombDocx = () => zip(docxEntries(), { overlapCopies: 300 });

// ─── OLE: doc, xls, encrypted Office ────────────────────────────────────────────────────────────

function ole(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, data);
  CFB.utils.cfb_del(container, '/\u0001Sh33tJ5');
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** A Word 97 .doc: WordDocument starting with a FibBase (wIdent 0xA5EC, nFib 0x00C1), and 1Table. */
export function doc(options: { encrypted?: boolean; obfuscated?: boolean } = {}): Buffer {
  const word = Buffer.alloc(4608);
  word.writeUInt16LE(0xa5ec, 0);
  word.writeUInt16LE(0x00c1, 2);
  word.writeUInt16LE(0x0411, 6); // lid: Japanese
  let flags = 0x0200; // fWhichTblStm: 1Table
  if (options.encrypted) flags |= 0x0100; // fEncrypted
  if (options.obfuscated) flags |= 0x8000; // fObfuscated (XOR)
  word.writeUInt16LE(flags, 0x0a);
  const table = Buffer.alloc(1024);
  // An encrypted document's Table stream starts with an RC4 EncryptionHeader (version 1.1).
  if (options.encrypted && !options.obfuscated) table.writeUInt32LE(0x00010001, 0);
  return ole({ WordDocument: word, '1Table': table });
}

const record = (type: number, data: Buffer) => Buffer.concat([u16(type), u16(data.length), data]);

/** An Excel 97 .xls: a Workbook stream whose globals substream is BOF [FilePass] … EOF. */
export function xls(options: { encrypted?: boolean } = {}): Buffer {
  const bof = Buffer.concat([
    u16(0x0600),
    u16(0x0005),
    u16(0x0dbb),
    u16(0x07cc),
    u32(0x000100c1),
    u32(0x00000406),
  ]);
  const records = [record(0x0809, bof)];
  // FilePass: RC4 encryption (wEncryptionType 1, version 1.1) with salt and verifier.
  if (options.encrypted)
    records.push(record(0x002f, Buffer.concat([u16(1), u16(1), u16(1), Buffer.alloc(48, 0x5a)])));
  records.push(record(0x0042, u16(932)), record(0x000a, Buffer.alloc(0)));
  const workbook = Buffer.concat([...records, Buffer.alloc(4096)]);
  return ole({ Workbook: workbook });
}

/** docx/xlsx protected with a password by officecrypto-tool (ECMA-376 agile encryption). */
export const encryptedOffice = (plain: Buffer) =>
  Buffer.from(officeCrypto.encrypt(plain, { password: 'himitsu' }));

// ─── Other hostile bytes ────────────────────────────────────────────────────────────────────────

/** The head of a Windows executable: MZ, the DOS stub text and a PE header. */
export function exe(): Buffer {
  const b = Buffer.alloc(1024);
  ascii('MZ').copy(b, 0);
  b.writeUInt32LE(0x80, 0x3c);
  ascii('This program cannot be run in DOS mode.').copy(b, 0x4e);
  ascii('PE\0\0').copy(b, 0x80);
  b.writeUInt16LE(0x14c, 0x84);
  return b;
}

/** The head of a Linux executable (ELF64). */
export const elf = () =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);

export const svg = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

export const html = () => Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

// ─── The attack set ─────────────────────────────────────────────────────────────────────────────

export interface Attack {
  label: string;
  name: string;
  bytes: () => Buffer;
  /** The refusal expected, or null for a file that must be accepted. */
  refusal: FileRefusal | null;
}

const appendedZip = () => zip([{ name: 'evil.js', data: Buffer.from('alert(1)') }]);

/** Files that must be refused, each with the reason; and the valid files they were made from. */
export function attackSet(): Attack[] {
  const set: Attack[] = [
    { label: 'PNG bytes named .pdf', name: '履歴書.pdf', bytes: png, refusal: 'type_mismatch' },
    { label: 'PDF bytes named .png', name: 'photo.png', bytes: () => pdf(), refusal: 'type_mismatch' },
    { label: 'docx bytes named .xlsx', name: 'book.xlsx', bytes: () => docx(), refusal: 'type_mismatch' },
    { label: 'doc bytes named .xls', name: 'book.xls', bytes: () => doc(), refusal: 'type_mismatch' },
    { label: 'a renamed .exe (named .pdf)', name: 'cv.pdf', bytes: exe, refusal: 'type_mismatch' },
    { label: 'a .exe', name: 'setup.exe', bytes: exe, refusal: 'not_allowed' },
    { label: 'HTML named .jpg', name: 'photo.jpg', bytes: html, refusal: 'type_mismatch' },
    { label: 'a plain zip named .docx', name: 'cv.docx', bytes: appendedZip, refusal: 'type_mismatch' },
    {
      label: 'polyglot: PDF with a zip appended',
      name: 'cv.pdf',
      bytes: () => Buffer.concat([pdf(), appendedZip()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: PNG with a zip appended (GIFAR-style)',
      name: 'p.png',
      bytes: () => Buffer.concat([png(), appendedZip()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: PNG with HTML appended',
      name: 'p.png',
      bytes: () => Buffer.concat([png(), html()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: GIF with a zip appended',
      name: 'p.gif',
      bytes: () => Buffer.concat([gif(), appendedZip()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: JPEG with a PDF in its comment',
      name: 'p.jpg',
      bytes: () => jpeg({ comment: pdf().toString('latin1') }),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: BMP with bytes after its declared size',
      name: 'p.bmp',
      bytes: () => Buffer.concat([bmp(), html()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: docx with a PDF appended',
      name: 'cv.docx',
      bytes: () => Buffer.concat([docx(), pdf()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: docx with bytes hidden between entries',
      name: 'cv.docx',
      bytes: () => zip(docxEntries(), { gapAfterFirst: html() }),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: PDF prepended to a docx',
      name: 'cv.docx',
      bytes: () => Buffer.concat([pdf(), docx()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: doc with a zip appended',
      name: 'cv.doc',
      bytes: () => Buffer.concat([doc(), appendedZip()]),
      refusal: 'polyglot',
    },
    {
      label: 'encrypted PDF (Standard handler dictionary)',
      name: 'cv.pdf',
      bytes: () => pdf({ encryptDictionary: true }),
      refusal: 'encrypted',
    },
    { label: 'encrypted docx', name: 'cv.docx', bytes: () => encryptedOffice(docx()), refusal: 'encrypted' },
    {
      label: 'encrypted xlsx',
      name: 'book.xlsx',
      bytes: () => encryptedOffice(xlsx()),
      refusal: 'encrypted',
    },
    {
      label: 'encrypted doc (fEncrypted, RC4)',
      name: 'cv.doc',
      bytes: () => doc({ encrypted: true }),
      refusal: 'encrypted',
    },
    {
      label: 'encrypted doc (XOR obfuscation)',
      name: 'cv.doc',
      bytes: () => doc({ encrypted: true, obfuscated: true }),
      refusal: 'encrypted',
    },
    {
      label: 'encrypted xls (FilePass)',
      name: 'book.xls',
      bytes: () => xls({ encrypted: true }),
      refusal: 'encrypted',
    },
    {
      label: 'docx with encrypted zip entries',
      name: 'cv.docx',
      bytes: () => zip(docxEntries().map((e) => ({ ...e, encryptedFlag: true }))),
      refusal: 'encrypted',
    },
    { label: 'zip bomb docx (100 MB declared)', name: 'cv.docx', bytes: zipBombDocx, refusal: 'zip_bomb' },
    {
      label: 'zip bomb docx (sizes that lie)',
      name: 'cv.docx',
      bytes: lyingZipBombDocx,
      refusal: 'zip_bomb',
    },
    {
      label: 'zip bomb docx (overlapping entries)',
      name: 'cv.docx',
      bytes: overlappingZipBombDocx,
      refusal: 'zip_bomb',
    },
    { label: 'an empty file', name: 'empty.pdf', bytes: () => Buffer.alloc(0), refusal: 'empty' },
    { label: 'PDF cut in half', name: 'cv.pdf', bytes: () => pdf().subarray(0, 200), refusal: 'corrupt' },
    { label: 'PNG with a bad CRC', name: 'p.png', bytes: () => corruptByte(png(), 20), refusal: 'corrupt' },
    {
      label: 'decompression-bomb PNG (100,000 × 100,000 declared)',
      name: 'p.png',
      bytes: () => png(2, 2, { width: 100_000, height: 100_000 }),
      refusal: 'too_many_pixels',
    },
    { label: 'an extension not on the list (.svg)', name: 'a.svg', bytes: html, refusal: 'not_allowed' },
    { label: 'no extension', name: 'rirekisho', bytes: () => pdf(), refusal: 'not_allowed' },
    {
      label: 'RTL override hiding .exe ("cv\u202Efdp.exe")',
      name: 'cv\u202Efdp.exe',
      bytes: exe,
      refusal: 'not_allowed',
    },
    {
      label: 'NUL before a second extension ("cv.pdf\\0.exe")',
      name: 'cv.pdf\u0000.exe',
      bytes: exe,
      refusal: 'not_allowed',
    },
    // Grown for E1 (issue 15): more polyglots, pixel floods, double extensions, lying types, cut files.
    {
      label: 'polyglot: PDF with HTML appended',
      name: 'cv.pdf',
      bytes: () => Buffer.concat([pdf(), html()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: HTML before the PDF header',
      name: 'cv.pdf',
      bytes: () => Buffer.concat([html(), pdf()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: JPEG with a zip appended',
      name: 'p.jpg',
      bytes: () => Buffer.concat([jpeg(), appendedZip()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: JPEG with HTML appended',
      name: 'p.jpg',
      bytes: () => Buffer.concat([jpeg(), html()]),
      refusal: 'polyglot',
    },
    {
      label: 'polyglot: xlsx with a PDF appended',
      name: 'book.xlsx',
      bytes: () => Buffer.concat([xlsx(), pdf()]),
      refusal: 'polyglot',
    },
    {
      label: 'pixel flood: JPEG declaring 65,535 × 65,535',
      name: 'p.jpg',
      bytes: () => jpeg({ width: 65_535, height: 65_535 }),
      refusal: 'too_many_pixels',
    },
    {
      label: 'pixel flood: PNG declaring 1 × 2,147,483,647',
      name: 'p.png',
      bytes: () => png(2, 2, { width: 1, height: 2 ** 31 - 1 }),
      refusal: 'too_many_pixels',
    },
    {
      label: 'pixel flood: GIF declaring 65,535 × 65,535',
      name: 'p.gif',
      bytes: () => {
        const g = gif();
        g.writeUInt16LE(65_535, 6);
        g.writeUInt16LE(65_535, 8);
        return g;
      },
      refusal: 'too_many_pixels',
    },
    {
      label: 'pixel flood: BMP declaring 100,000 × 100,000',
      name: 'p.bmp',
      bytes: () => {
        const b = bmp();
        b.writeInt32LE(100_000, 18);
        b.writeInt32LE(100_000, 22);
        return b;
      },
      refusal: 'too_many_pixels',
    },
    { label: 'double extension "cv.pdf.exe"', name: 'cv.pdf.exe', bytes: exe, refusal: 'not_allowed' },
    {
      label: 'double extension "cv.exe.pdf" (executable bytes)',
      name: 'cv.exe.pdf',
      bytes: exe,
      refusal: 'type_mismatch',
    },
    { label: 'a PDF named .pdf.html', name: 'cv.pdf.html', bytes: () => pdf(), refusal: 'not_allowed' },
    { label: 'an ELF executable named .pdf', name: 'cv.pdf', bytes: elf, refusal: 'type_mismatch' },
    {
      label: 'a shell script named .doc',
      name: 'cv.doc',
      bytes: () => Buffer.from('#!/bin/sh\nrm -rf /\n'),
      refusal: 'type_mismatch',
    },
    { label: 'SVG with a script named .png', name: 'p.png', bytes: svg, refusal: 'type_mismatch' },
    { label: 'docx bytes named .doc', name: 'cv.doc', bytes: () => docx(), refusal: 'type_mismatch' },
    { label: 'JPEG bytes named .png', name: 'p.png', bytes: () => jpeg(), refusal: 'type_mismatch' },
    {
      label: 'JPEG cut before its end',
      name: 'p.jpg',
      bytes: () => jpeg().subarray(0, 100),
      refusal: 'corrupt',
    },
    { label: 'PNG cut inside IHDR', name: 'p.png', bytes: () => png().subarray(0, 40), refusal: 'corrupt' },
    {
      label: 'docx cut in its first entry',
      name: 'cv.docx',
      bytes: () => docx().subarray(0, 300),
      refusal: 'corrupt',
    },
    { label: 'doc cut short', name: 'cv.doc', bytes: () => doc().subarray(0, 1000), refusal: 'corrupt' },
    { label: 'a PDF header alone', name: 'cv.pdf', bytes: () => ascii('%PDF-1.4\n'), refusal: 'corrupt' },
    {
      label: 'PNG of 0 × 0 pixels',
      name: 'p.png',
      bytes: () => png(2, 2, { width: 0, height: 0 }),
      refusal: 'corrupt',
    },
    {
      label: 'zip bomb docx (5,000 entries)',
      name: 'cv.docx',
      bytes: () =>
        zip([
          ...docxEntries(),
          ...Array.from({ length: 5000 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })),
        ]),
      refusal: 'zip_bomb',
    },
  ];
  if (hasQpdf) {
    set.push(
      {
        label: 'encrypted PDF (qpdf AES-256)',
        name: 'cv.pdf',
        bytes: () => qpdfEncrypted(['256']),
        refusal: 'encrypted',
      },
      {
        label: 'encrypted PDF (qpdf AES-128)',
        name: 'cv.pdf',
        bytes: () => qpdfEncrypted(['128', '--use-aes=y']),
        refusal: 'encrypted',
      },
      {
        label: 'encrypted PDF (qpdf AES-256, object streams and a cross-reference stream)',
        name: 'cv.pdf',
        bytes: () => qpdfEncrypted(['256'], 'user', ['--object-streams=generate']),
        refusal: 'encrypted',
      },
      {
        label: 'encrypted PDF (qpdf RC4 40-bit, owner password only: opens without asking)',
        name: 'cv.pdf',
        bytes: () => qpdfEncrypted(['40'], '', ['--allow-weak-crypto']),
        refusal: 'encrypted',
      },
    );
  }
  return set;
}

export function corruptByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

/** Valid files of every allowed type: each must be accepted. */
export function validSet(): Attack[] {
  return [
    { label: 'PDF', name: '履歴書.pdf', bytes: () => pdf(), refusal: null },
    {
      label: 'PDF exactly 2,097,152 bytes',
      name: 'big.pdf',
      bytes: () => pdf({ size: 2_097_152 }),
      refusal: null,
    },
    { label: 'docx', name: '職務経歴書.docx', bytes: () => docx(), refusal: null },
    { label: 'xlsx', name: 'ジョブ・カード.xlsx', bytes: xlsx, refusal: null },
    { label: 'doc', name: 'cv.doc', bytes: () => doc(), refusal: null },
    { label: 'xls', name: 'book.xls', bytes: () => xls(), refusal: null },
    { label: 'JPEG (.jpg)', name: 'photo.jpg', bytes: () => jpeg(), refusal: null },
    { label: 'JPEG (.jpeg, upper case)', name: 'PHOTO.JPEG', bytes: () => jpeg(), refusal: null },
    { label: 'PNG', name: 'scan.png', bytes: () => png(), refusal: null },
    { label: 'BMP', name: 'scan.bmp', bytes: bmp, refusal: null },
    { label: 'GIF', name: 'scan.gif', bytes: gif, refusal: null },
    {
      label: 'PDF with trailing newlines after %%EOF',
      name: 'cv.pdf',
      bytes: () => Buffer.concat([pdf(), ascii('\r\n\r\n')]),
      refusal: null,
    },
  ];
}

// ─── Multipart bodies ───────────────────────────────────────────────────────────────────────────

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; data: Uint8Array; type?: string };

/**
 * How a file name is written in the part header: raw UTF-8 in quotes as browsers do, or as an
 * RFC 5987 `filename*=UTF-8''…` value, the only way a NUL reaches the parser (a raw NUL in a header
 * is a malformed part).
 */
export type NameEncoding = 'raw' | 'rfc5987';

export const BOUNDARY = '----hwUploadBoundary7MA4YWxkTrZu0gW';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** RFC 5987 ext-value: UTF-8, every byte outside attr-char percent-encoded. */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The head of one part (headers written as browsers do: raw UTF-8, quotes escaped as %22). */
export function partHead(part: Part, encoding: NameEncoding = 'raw'): Buffer {
  const name = part.name.replace(/"/g, '%22');
  let disposition = `form-data; name="${name}"`;
  if ('filename' in part) {
    disposition +=
      encoding === 'raw'
        ? `; filename="${part.filename.replace(/"/g, '%22').replace(/\r|\n/g, ' ')}"`
        : `; filename*=UTF-8''${rfc5987(part.filename)}`;
  }
  const type = 'filename' in part ? `\r\nContent-Type: ${part.type ?? 'application/octet-stream'}` : '';
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8');
}

export function multipartBody(parts: Part[], encoding: NameEncoding = 'raw'): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    pieces.push(
      partHead(part, encoding),
      'filename' in part ? Buffer.from(part.data) : Buffer.from(part.value, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

/** Streams bytes in chunks of `size`, as a network would. */
export function chunkedStream(bytes: Uint8Array, size = 64 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

/**
 * A body that never ends on its own: `head`, then the same 64 KiB chunk up to `total` bytes. `pulled`
 * says how many bytes the reader took, so a test can prove it stopped early.
 */
export function endlessBody(head: Uint8Array, total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (first) {
        first = false;
        sent += head.length;
        return controller.enqueue(head);
      }
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

/** The body cut off after `keep` bytes: the stream ends (done) or fails (a dropped connection). */
export function cutBody(
  bytes: Uint8Array,
  keep: number,
  how: 'end' | 'error' = 'end',
): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        return controller.enqueue(bytes.slice(0, keep));
      }
      if (how === 'end') controller.close();
      else controller.error(new TypeError('terminated'));
    },
  });
}

// ─── A slow-drip body over a real socket ────────────────────────────────────────────────────────

export interface SlowDrip {
  /** The status line the server answered with (e.g. `HTTP/1.1 408 Request Timeout`), or null. */
  status: string | null;
  /** Milliseconds from the request head until the server answered or closed the connection. */
  cutAfterMs: number;
  /** Bytes of the body sent before that. */
  sent: number;
  /** False when the connection was still open at `giveUpMs` (the test then fails). */
  cut: boolean;
}

/**
 * Sends a POST to 127.0.0.1:`port` whose head promises `declared` bytes, then drips the body one
 * byte every `everyMs` (slowloris), and waits up to `giveUpMs` for the server to answer or close.
 */
export function slowDripRequest(options: {
  port: number;
  path: string;
  headers?: Record<string, string>;
  declared?: number;
  everyMs?: number;
  giveUpMs: number;
  contentType?: string;
}): Promise<SlowDrip> {
  const declared = options.declared ?? 100_000;
  const head = [
    `POST ${options.path} HTTP/1.1`,
    `Host: 127.0.0.1:${options.port}`,
    `Content-Type: ${options.contentType ?? MULTIPART_TYPE}`,
    `Content-Length: ${declared}`,
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = net.connect(options.port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let started = 0;
    let done = false;
    const finish = (cut: boolean) => {
      if (done) return;
      done = true;
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      const status = answer.split('\r\n')[0] || null;
      resolve({ status, cutAfterMs: Math.round(performance.now() - started), sent, cut });
    };
    const body = Buffer.from(`--${BOUNDARY}\r\n`.padEnd(declared, 'x'));
    const drip = setInterval(() => {
      if (done || socket.destroyed || sent >= declared) return;
      socket.write(body.subarray(sent, sent + 1));
      sent++;
    }, options.everyMs ?? 1000);
    const giveUp = setTimeout(() => finish(false), options.giveUpMs);
    socket.on('connect', () => {
      started = performance.now();
      socket.write(head);
    });
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n\r\n')) finish(true);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
  });
}
