/**
 * Reads what one uploaded file really is from its bytes (SPEC AP-2, AP-3; ADR 0019), bounded in
 * time and memory: the input is at most 2 MB, every length read from the file is checked against
 * what is left, every chain and tree is walked with a visited set, and nothing is inflated past a
 * hard output cap. The verdict is `classify` in document.rules.ts; this only gathers the facts.
 *
 * - Format: decided by our own structural readers from the signature at offset 0 (file-type names
 *   a refused file for the logs; it looks only at the head and tolerates offsets).
 * - One file, one format (the polyglot rule): the bytes end where their format ends (PNG at IEND,
 *   GIF at its trailer, JPEG at EOI, BMP at its declared size, PDF at its last %%EOF, zip at the
 *   end of its central directory, OLE at its last allocated sector); only NUL padding (for PDF also
 *   whitespace) may follow. A zip's entries must tile the file from offset 0 with no gap. And no
 *   foreign signature that another reader acts on: no zip end record in the last 64 KiB of a
 *   non-zip, no "%PDF-" in an image or in the first 1 KiB of an Office file.
 * - OLE (doc, xls, encrypted docx/xlsx) is read by the small reader below, not by the cfb package:
 *   cfb 1.2 builds paths from the directory's sibling links without a cycle check, and a 4 KB file
 *   with crossed links grows an array until V8 aborts the whole process.
 */
import { inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import {
  type ByteDefect,
  type ByteFacts,
  type DetectedFormat,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  ZIP_LIMITS,
} from './document.rules.ts';

interface Finding {
  format: DetectedFormat;
  defect: ByteDefect | null;
  detail?: string;
}

/** Thrown inside the readers when the bytes contradict their own structure. */
class Damaged extends Error {}
const damaged = (detail: string): never => {
  throw new Damaged(detail);
};

export async function inspectDocument(input: Uint8Array): Promise<ByteFacts> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const size = bytes.length;
  if (size === 0) return { size, format: 'other', defect: null, mime: null };
  const mime = (await fileTypeFromBuffer(bytes).catch(() => undefined))?.mime ?? null;
  let finding: Finding;
  try {
    finding = readFormat(bytes);
  } catch (error) {
    // A read past the end (RangeError from Buffer) is a damaged file too, never a 500.
    if (!(error instanceof Damaged || error instanceof RangeError)) throw error;
    finding = { format: formatBySignature(bytes), defect: 'corrupt', detail: error.message };
  }
  if (finding.defect !== 'zip_bomb') {
    const foreign = foreignSignature(bytes, finding.format);
    if (foreign) finding = { ...finding, defect: 'polyglot', detail: foreign };
  }
  return { size, mime, ...finding };
}

type Reader = (b: Buffer) => Finding;

const SIGNATURES: [DetectedFormat, number[], Reader][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d], readPdf],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], readPng],
  ['jpeg', [0xff, 0xd8, 0xff], readJpeg],
  ['gif', [0x47, 0x49, 0x46, 0x38], readGif],
  ['bmp', [0x42, 0x4d], readBmp],
  ['zip', [0x50, 0x4b, 0x03, 0x04], readZip],
  ['cfb', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], readCfb],
];

function formatBySignature(b: Buffer): DetectedFormat {
  return SIGNATURES.find(([, magic]) => startsWith(b, magic))?.[0] ?? 'other';
}

function readFormat(b: Buffer): Finding {
  const entry = SIGNATURES.find(([, magic]) => startsWith(b, magic));
  return entry ? entry[2](b) : { format: 'other', defect: null };
}

const startsWith = (b: Buffer, magic: number[], at = 0) => magic.every((v, i) => b[at + i] === v);

/** Whether everything from `from` on is padding: NUL bytes (and PDF whitespace when `pdf`). */
function onlyPadding(b: Buffer, from: number, pdf = false): boolean {
  if (from > b.length) damaged('ends early');
  for (let i = from; i < b.length; i++) {
    const v = b[i]!;
    if (v !== 0 && !(pdf && (v === 0x09 || v === 0x0a || v === 0x0c || v === 0x0d || v === 0x20)))
      return false;
  }
  return true;
}

const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const PDF_HEAD = Buffer.from('%PDF-', 'latin1');
const IMAGES = new Set<DetectedFormat>(['png', 'jpeg', 'gif', 'bmp']);

/** A second format's signature where its readers look for it (see the polyglot rule above). */
function foreignSignature(b: Buffer, format: DetectedFormat): string | null {
  if (format !== 'zip' && format !== 'docx' && format !== 'xlsx') {
    const tail = b.subarray(Math.max(0, b.length - (65_535 + 22)));
    if (tail.includes(ZIP_END)) return 'a zip end record';
  }
  if (format !== 'pdf') {
    const window = IMAGES.has(format) ? b : b.subarray(0, 1024);
    if (window.includes(PDF_HEAD)) return 'a PDF header';
  }
  return null;
}

const ok = (format: DetectedFormat): Finding => ({ format, defect: null });
const found = (format: DetectedFormat, defect: ByteDefect, detail: string): Finding => ({
  format,
  defect,
  detail,
});

function pixels(format: DetectedFormat, width: number, height: number): Finding {
  if (width === 0 || height === 0) damaged('no pixels');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return found(format, 'too_many_pixels', `${width}×${height}`);
  }
  return ok(format);
}

// ─── PDF ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A PDF: a version header at offset 0, `startxref` with an offset inside the file, and the last
 * `%%EOF` followed by whitespace only. Encrypted when any trailer or cross-reference stream
 * dictionary names an /Encrypt dictionary: PDF 32000-1 §7.5.7 forbids putting the encryption
 * dictionary in an object stream and trailers are never compressed, so the key is always in clear.
 * (pdf-lib is not used here: it inflates object streams without an output cap.)
 */
function readPdf(b: Buffer): Finding {
  // Searched in the bytes: a 2 MB file never becomes a 2 MB string (uploads arrive many at once).
  if (!/^%PDF-[12]\.\d/.test(b.toString('latin1', 0, 8))) damaged('no PDF version header');
  const eof = b.lastIndexOf(PDF_EOF);
  if (eof < 0) damaged('no %%EOF');
  if (!onlyPadding(b, eof + 5, true)) return found('pdf', 'polyglot', 'bytes after %%EOF');
  const startxref = b.lastIndexOf(STARTXREF, eof);
  const offset = startxref < 0 ? null : /^startxref\s+(\d+)\s*$/.exec(b.toString('latin1', startxref, eof));
  if (!offset || Number(offset[1]) >= startxref) damaged('no startxref');
  if (hasEncryptReference(b)) return found('pdf', 'encrypted', '/Encrypt');
  return ok('pdf');
}

const PDF_EOF = Buffer.from('%%EOF', 'latin1');
const STARTXREF = Buffer.from('startxref', 'latin1');
const ENCRYPT = Buffer.from('/Encrypt', 'latin1');
/** What `\s` matches in a latin1 reading of the bytes: tab, LF, VT, FF, CR, space and NBSP. */
const isSpace = (v: number | undefined) =>
  v === 0x20 || (v !== undefined && v >= 0x09 && v <= 0x0d) || v === 0xa0;
const isDigit = (v: number | undefined) => v !== undefined && v >= 0x30 && v <= 0x39;

/**
 * `/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/` over the latin1 text of `b`, on the bytes: the key followed
 * by a dictionary or an indirect reference. Digits and spaces are disjoint, so reading each run
 * greedily decides exactly what the regex with its backtracking would.
 */
export function hasEncryptReference(b: Buffer): boolean {
  const run = (from: number, test: (v: number | undefined) => boolean) => {
    let i = from;
    while (i < b.length && test(b[i])) i++;
    return i;
  };
  for (let at = b.indexOf(ENCRYPT); at >= 0; at = b.indexOf(ENCRYPT, at + 1)) {
    const start = run(at + ENCRYPT.length, isSpace);
    if (b[start] === 0x3c && b[start + 1] === 0x3c) return true;
    const number = run(start, isDigit);
    const space = run(number, isSpace);
    const generation = run(space, isDigit);
    const last = run(generation, isSpace);
    if (number > start && space > number && generation > space && last > generation && b[last] === 0x52) {
      return true;
    }
  }
  return false;
}

// ─── Images ─────────────────────────────────────────────────────────────────────────────────────

/** PNG: IHDR first, every chunk's CRC right, IDAT present, IEND the end. */
function readPng(b: Buffer): Finding {
  let at = 8;
  let width = 0;
  let height = 0;
  let data = false;
  for (let index = 0; ; index++) {
    if (at + 12 > b.length) damaged('chunk past the end');
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > b.length) damaged(`chunk ${type} past the end`);
    if (zlibCrc32(b.subarray(at + 4, at + 8 + length)) !== b.readUInt32BE(at + 8 + length)) {
      damaged(`bad CRC in ${type}`);
    }
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) damaged('IHDR is not first');
      width = b.readUInt32BE(at + 8);
      height = b.readUInt32BE(at + 12);
    }
    if (type === 'IDAT') data = true;
    at = end;
    if (type === 'IEND') break;
  }
  if (!data) damaged('no IDAT');
  if (!onlyPadding(b, at)) return found('png', 'polyglot', 'bytes after IEND');
  return pixels('png', width, height);
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: marker segments from SOI, a frame header, entropy-coded scans, EOI the end. */
function readJpeg(b: Buffer): Finding {
  let at = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  for (;;) {
    if (b[at] !== 0xff) damaged('no marker where one must be');
    while (b[at] === 0xff) at++;
    if (at >= b.length) damaged('ends inside a marker');
    const marker = b[at++]!;
    if (marker === 0xd9) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (at + 2 > b.length) damaged('segment past the end');
    const length = b.readUInt16BE(at);
    if (length < 2 || at + length > b.length) damaged('segment past the end');
    if (SOF.has(marker)) {
      if (length < 8) damaged('short frame header');
      height = b.readUInt16BE(at + 3);
      width = b.readUInt16BE(at + 5);
    }
    at += length;
    if (marker === 0xda) {
      scans++;
      // Entropy-coded data: up to the next marker that is not a stuffed 0xFF00 or a restart.
      for (;;) {
        if (at + 1 >= b.length) damaged('scan past the end');
        if (b[at] === 0xff && b[at + 1] !== 0x00 && !(b[at + 1]! >= 0xd0 && b[at + 1]! <= 0xd7)) break;
        at++;
      }
    }
  }
  if (!width || !scans) damaged('no frame or no scan');
  if (!onlyPadding(b, at)) return found('jpeg', 'polyglot', 'bytes after EOI');
  return pixels('jpeg', width, height);
}

/** GIF87a/89a: screen descriptor, colour table, extension and image blocks, the 0x3B trailer the end. */
function readGif(b: Buffer): Finding {
  const version = b.toString('latin1', 0, 6);
  if (version !== 'GIF87a' && version !== 'GIF89a') damaged('not GIF87a or GIF89a');
  if (b.length < 13) damaged('no screen descriptor');
  const width = b.readUInt16LE(6);
  const height = b.readUInt16LE(8);
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let at = 13 + table(b[10]!);
  let images = 0;
  const subBlocks = () => {
    for (;;) {
      if (at >= b.length) damaged('sub-blocks past the end');
      const n = b[at++]!;
      if (n === 0) return;
      at += n;
    }
  };
  for (;;) {
    if (at >= b.length) damaged('no trailer');
    const block = b[at++]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      at++; // label
      subBlocks();
    } else if (block === 0x2c) {
      if (at + 9 > b.length) damaged('image descriptor past the end');
      at += 9 + table(b[at + 8]!) + 1; // descriptor, local colour table, LZW minimum code size
      subBlocks();
      images++;
    } else damaged(`unknown block 0x${block.toString(16)}`);
  }
  if (!images) damaged('no image');
  if (!onlyPadding(b, at)) return found('gif', 'polyglot', 'bytes after the trailer');
  return pixels('gif', width, height);
}

/** BMP: the declared file size is the file, pixel data starts inside it, a known DIB header. */
function readBmp(b: Buffer): Finding {
  if (b.length < 26) damaged('no DIB header');
  const declared = b.readUInt32LE(2);
  const pixelsAt = b.readUInt32LE(10);
  const header = b.readUInt32LE(14);
  if (declared < 26 || declared > b.length) damaged('declared size is not the file');
  if (pixelsAt < 14 + header || pixelsAt >= declared) damaged('pixel data outside the file');
  let width: number;
  let height: number;
  if (header === 12) {
    width = b.readUInt16LE(18);
    height = b.readUInt16LE(20);
  } else if ([40, 52, 56, 64, 108, 124].includes(header) && b.length >= 26) {
    width = Math.abs(b.readInt32LE(18));
    height = Math.abs(b.readInt32LE(22));
  } else return damaged('unknown DIB header');
  if (!onlyPadding(b, declared)) return found('bmp', 'polyglot', 'bytes after the declared size');
  return pixels('bmp', width, height);
}

// ─── Zip (docx, xlsx) ───────────────────────────────────────────────────────────────────────────

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  local: number;
  dataAt: number;
  end: number;
}

/**
 * An Office Open XML package, read from its central directory without trusting it: one disk, no
 * zip64, at most ZIP_LIMITS.maxEntries entries, the declared uncompressed total and each large
 * entry's ratio within bounds — all before a byte is inflated. Entries must tile the file from
 * offset 0 (an overlap is the classic non-recursive zip bomb; a gap hides bytes); local headers
 * must agree with the directory. Then each entry is inflated with a hard cap of its declared size
 * and its CRC checked, and `[Content_Types].xml` must name the main part (word/document.xml or
 * xl/workbook.xml), which must exist.
 */
function readZip(b: Buffer): Finding {
  if (b.length < 22) damaged('too short for a zip');
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50 && i + 22 + b.readUInt16LE(i + 20) <= b.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged('no end of central directory');
  if (!onlyPadding(b, eocd + 22 + b.readUInt16LE(eocd + 20))) {
    return found('zip', 'polyglot', 'bytes after the zip');
  }
  if (eocd >= 20 && b.readUInt32LE(eocd - 20) === 0x07064b50) damaged('zip64');
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdAt = b.readUInt32LE(eocd + 16);
  if (b.readUInt16LE(eocd + 4) || b.readUInt16LE(eocd + 6) || b.readUInt16LE(eocd + 8) !== count) {
    damaged('more than one disk');
  }
  if (count > ZIP_LIMITS.maxEntries) return found('zip', 'zip_bomb', `${count} entries`);
  if (cdAt + cdSize > eocd) damaged('central directory past its end record');
  if (cdAt + cdSize < eocd) return found('zip', 'polyglot', 'bytes before the end record');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = cdAt;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || b.readUInt32LE(at) !== 0x02014b50) damaged('bad central directory entry');
    const nameLength = b.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      flags: b.readUInt16LE(at + 8),
      method: b.readUInt16LE(at + 10),
      crc: b.readUInt32LE(at + 16),
      compressed: b.readUInt32LE(at + 20),
      uncompressed: b.readUInt32LE(at + 24),
      local: b.readUInt32LE(at + 42),
      dataAt: 0,
      end: 0,
    };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.local === 0xffffffff) {
      damaged('zip64 entry');
    }
    const key = entry.name.toLowerCase();
    if (names.has(key)) damaged(`two entries named ${entry.name}`);
    names.add(key);
    total += entry.uncompressed;
    if (
      entry.uncompressed > ZIP_LIMITS.ratioFloor &&
      entry.uncompressed > ZIP_LIMITS.maxRatio * Math.max(1, entry.compressed)
    ) {
      return found(
        'zip',
        'zip_bomb',
        `${entry.name} ratio ${Math.round(entry.uncompressed / entry.compressed)}`,
      );
    }
    entries.push(entry);
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  if (at !== cdAt + cdSize) damaged('central directory size');
  if (total > ZIP_LIMITS.maxTotalUncompressed) return found('zip', 'zip_bomb', `${total} bytes uncompressed`);

  // Local headers: where the directory says, agreeing with it, tiling [0, cdAt) without overlap.
  const byOffset = [...entries].sort((x, y) => x.local - y.local);
  let next = 0;
  for (const entry of byOffset) {
    if (entry.local < next) return found('zip', 'zip_bomb', `${entry.name} overlaps another entry`);
    if (entry.local > next) return found('zip', 'polyglot', `bytes hidden before ${entry.name}`);
    const local = entry.local;
    if (local + 30 > cdAt || b.readUInt32LE(local) !== 0x04034b50)
      damaged(`no local header for ${entry.name}`);
    const nameLength = b.readUInt16LE(local + 26);
    if (b.toString('utf8', local + 30, local + 30 + nameLength) !== entry.name) {
      damaged(`local name differs for ${entry.name}`);
    }
    // Without a data descriptor the local header repeats CRC and sizes: readers that trust it must agree.
    if (
      !(entry.flags & 0x08) &&
      (b.readUInt32LE(local + 14) !== entry.crc ||
        b.readUInt32LE(local + 18) !== entry.compressed ||
        b.readUInt32LE(local + 22) !== entry.uncompressed)
    ) {
      damaged(`local header of ${entry.name} differs from the directory`);
    }
    entry.dataAt = local + 30 + nameLength + b.readUInt16LE(local + 28);
    entry.end = entry.dataAt + entry.compressed;
    if (entry.flags & 0x08)
      entry.end += entry.end + 4 <= cdAt && b.readUInt32LE(entry.end) === 0x08074b50 ? 16 : 12;
    if (entry.end > cdAt) damaged(`${entry.name} runs into the central directory`);
    next = entry.end;
  }
  if (next < cdAt) return found('zip', 'polyglot', 'bytes hidden before the central directory');

  if (entries.some((e) => e.flags & 0x01 || e.method === 99)) {
    return found('zip', 'encrypted', 'zip entries are encrypted');
  }

  let contentTypes: Buffer | null = null;
  for (const entry of entries) {
    const data = inflateEntry(b, entry);
    if (data === 'bomb') return found('zip', 'zip_bomb', `${entry.name} inflates past its declared size`);
    if (entry.name.toLowerCase() === '[content_types].xml') contentTypes = data;
  }
  if (!contentTypes || contentTypes.length > ZIP_LIMITS.maxContentTypesBytes) return ok('zip');
  const main = mainParts(xmlText(contentTypes));
  const present = (part: string) => names.has(part.replace(/^\//, '').toLowerCase());
  const docx = main.some((m) => m.type === DOCX_MAIN && present(m.part));
  const xlsx = main.some((m) => m.type === XLSX_MAIN && present(m.part));
  if (docx === xlsx) return docx ? damaged('both a document and a workbook') : ok('zip');
  return ok(docx ? 'docx' : 'xlsx');
}

/** One entry's bytes, inflated to at most its declared size (a longer output is a bomb), CRC checked. */
function inflateEntry(b: Buffer, entry: ZipEntry): Buffer | 'bomb' {
  const raw = b.subarray(entry.dataAt, entry.dataAt + entry.compressed);
  let data: Buffer;
  if (entry.method === 0) {
    if (entry.compressed !== entry.uncompressed) damaged(`${entry.name} stored with two sizes`);
    data = raw;
  } else if (entry.method === 8) {
    try {
      const result = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, entry.uncompressed),
        info: true,
      }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      if (result.engine.bytesWritten !== raw.length) damaged(`bytes after ${entry.name}'s deflate stream`);
      data = result.buffer;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'bomb';
      if (error instanceof Damaged) throw error;
      return damaged(`${entry.name} does not inflate`);
    }
  } else return damaged(`${entry.name} uses compression method ${entry.method}`);
  if (data.length !== entry.uncompressed) damaged(`${entry.name} is not its declared size`);
  if (zlibCrc32(data) !== entry.crc) damaged(`bad CRC in ${entry.name}`);
  return data;
}

function xmlText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString('utf16le');
  return data.toString('utf8').replace(/^\uFEFF/, '');
}

function mainParts(xml: string): { part: string; type: string }[] {
  const parts: { part: string; type: string }[] = [];
  for (const [, attributes] of xml.matchAll(/<(?:[\w-]+:)?Override\b([^>]*)>/g)) {
    const part = /\bPartName\s*=\s*(["'])(.*?)\1/.exec(attributes!)?.[2];
    const type = /\bContentType\s*=\s*(["'])(.*?)\1/.exec(attributes!)?.[2];
    if (part && type) parts.push({ part: safeDecode(part), type: type.trim() });
  }
  return parts;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

// ─── OLE compound files (doc, xls, encrypted docx/xlsx) ─────────────────────────────────────────

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

/**
 * An OLE compound file ([MS-CFB]), read with every chain and the directory tree walked once:
 * EncryptionInfo + EncryptedPackage at the top is a password-protected docx/xlsx; WordDocument is
 * a .doc, encrypted when FibBase.fEncrypted (bit 0x0100 of the word at offset 0x0A, [MS-DOC]
 * 2.5.2) is set; Workbook (BIFF8) or Book (BIFF5) is an .xls, encrypted when its globals substream
 * holds a FilePass record (0x002F, [MS-XLS] 2.4.117) before its EOF. Every allocated sector must
 * be whole in the file, and bytes after the last one must be NUL padding.
 */
function readCfb(b: Buffer): Finding {
  if (b.length < 512) damaged('shorter than a compound file header');
  const major = b.readUInt16LE(26);
  const shift = b.readUInt16LE(30);
  if (b.readUInt16LE(28) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12))) {
    damaged('bad compound file header');
  }
  if (b.readUInt16LE(32) !== 6 || b.readUInt32LE(56) !== 4096) damaged('bad mini sector size');
  const sector = 1 << shift;
  const sectors = Math.ceil((b.length - sector) / sector);
  const fatSectors = b.readUInt32LE(44);
  // 109 FAT sectors in the header address 7 MB; a file under 2 MB needs no DIFAT sector.
  if (b.readUInt32LE(72) !== 0 || fatSectors > 109) damaged('DIFAT sectors in a small file');
  const offsetOf = (id: number) => {
    if (id >= sectors) damaged(`sector ${id} past the end`);
    return (id + 1) * sector;
  };
  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) {
    const at = offsetOf(b.readUInt32LE(76 + 4 * i));
    for (let j = 0; j < sector; j += 4) fat.push(at + j + 4 <= b.length ? b.readUInt32LE(at + j) : FREE);
  }
  const chain = (start: number, table: number[], limit: number): number[] => {
    const ids: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id !== END_OF_CHAIN; id = table[id] ?? damaged('chain leaves its table')) {
      if (id >= limit || seen.has(id)) damaged('broken sector chain');
      seen.add(id);
      ids.push(id);
    }
    return ids;
  };
  const read = (ids: number[], size: number, unit: number, at: (id: number) => number) => {
    if (ids.length * unit < size) damaged('stream shorter than its size');
    const out = Buffer.alloc(size);
    ids.forEach((id, i) => {
      b.copy(out, i * unit, at(id), Math.min(at(id) + unit, b.length, at(id) + size - i * unit));
    });
    return out;
  };

  // Trailing bytes: after the last allocated sector only padding.
  let last = -1;
  fat.forEach((next, id) => {
    if (next !== FREE && id < sectors) last = id;
  });
  if ((last + 2) * sector > b.length) damaged('ends inside an allocated sector');
  if (!onlyPadding(b, (last + 2) * sector)) {
    return found('cfb', 'polyglot', 'bytes after the last sector');
  }

  const directory = chain(b.readUInt32LE(48), fat, sectors).flatMap((id) => {
    const at = offsetOf(id);
    return Array.from({ length: sector / 128 }, (_, k) => at + k * 128).filter((e) => e + 128 <= b.length);
  });
  const entry = (index: number) => {
    const at = directory[index] ?? damaged(`directory entry ${index} missing`);
    const nameLength = b.readUInt16LE(at + 64);
    if (nameLength > 64 || nameLength % 2) damaged('bad directory entry name');
    return {
      name: b.toString('utf16le', at, at + Math.max(0, nameLength - 2)),
      type: b[at + 66]!,
      left: b.readUInt32LE(at + 68),
      right: b.readUInt32LE(at + 72),
      child: b.readUInt32LE(at + 76),
      start: b.readUInt32LE(at + 116),
      size: b.readUInt32LE(at + 120),
    };
  };
  const root = entry(0);
  if (root.type !== 5) damaged('no root entry');
  // The root's children form a tree of left/right siblings: walk it once, refusing any cycle.
  const top = new Map<string, ReturnType<typeof entry>>();
  const seen = new Set<number>();
  const pending = [root.child];
  while (pending.length) {
    const index = pending.pop()!;
    if (index === NO_STREAM) continue;
    if (seen.has(index) || seen.size > directory.length) damaged('directory tree has a cycle');
    seen.add(index);
    const e = entry(index);
    top.set(e.name.toLowerCase(), e);
    pending.push(e.left, e.right);
  }
  const streamOf = (name: string): Buffer | null => {
    const e = top.get(name.toLowerCase());
    if (e?.type !== 2) return null;
    if (e.size >= 4096) return read(chain(e.start, fat, sectors), e.size, sector, offsetOf);
    const miniFat: number[] = [];
    for (const id of chain(b.readUInt32LE(60), fat, sectors)) {
      for (let j = 0; j < sector; j += 4) miniFat.push(b.readUInt32LE(offsetOf(id) + j));
    }
    const miniStream = read(chain(root.start, fat, sectors), root.size, sector, offsetOf);
    const ids = chain(e.start, miniFat, Math.floor(miniStream.length / 64));
    const out = Buffer.alloc(e.size);
    if (ids.length * 64 < e.size) damaged('stream shorter than its size');
    ids.forEach((id, i) => {
      miniStream.copy(out, i * 64, id * 64, Math.min(id * 64 + 64, id * 64 + e.size - i * 64));
    });
    return out;
  };

  if (top.has('encryptioninfo') && top.has('encryptedpackage')) {
    return found('ooxml_encrypted', 'encrypted', 'EncryptionInfo and EncryptedPackage');
  }
  const word = streamOf('WordDocument');
  const book = streamOf('Workbook') ?? streamOf('Book');
  if (word && book) return ok('cfb');
  if (word) {
    if (word.length < 12 || word.readUInt16LE(0) !== 0xa5ec) damaged('no Word FIB');
    return word.readUInt16LE(0x0a) & 0x0100 ? found('doc', 'encrypted', 'FibBase.fEncrypted') : ok('doc');
  }
  if (book) {
    for (let at = 0; ; ) {
      if (at + 4 > book.length) damaged('workbook globals have no EOF');
      const type = book.readUInt16LE(at);
      if (at === 0 && type !== 0x0809) damaged('workbook does not start with BOF');
      if (type === 0x002f) return found('xls', 'encrypted', 'FilePass');
      if (type === 0x000a) return ok('xls');
      at += 4 + book.readUInt16LE(at + 2);
    }
  }
  return ok('cfb');
}
