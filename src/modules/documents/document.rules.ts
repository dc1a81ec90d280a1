/**
 * What an uploaded 応募書類 may be (SPEC AP-2, AP-3), as pure decisions: the allowed extensions and
 * the byte formats they name, the limits, how a user's file name becomes a display name, and the
 * one verdict on a file — `classify(facts, extension)` — from the facts `inspect.ts` read in its
 * bytes. No I/O here; ADR 0019 gives the reasons.
 */
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/vocabulary.ts';
import { cutText } from '../../platform/text.ts';

/** At most 4 documents per application (AP-2). */
export const MAX_FILES = 4;
/** At most 2 MB per document, in bytes (AP-2): 2,097,152 is accepted, 2,097,153 is not. */
export const MAX_BYTES = 2_097_152;
/** A display name is cut to this many characters (grapheme clusters), the extension kept. */
export const MAX_NAME_CHARS = 100;
/** The largest image a viewer is asked to decode (a 600 dpi A3 scan is about 70 million pixels). */
export const MAX_IMAGE_PIXELS = 80_000_000;
export const MAX_IMAGE_SIDE = 30_000;

/** Office zip containers (docx, xlsx): bounds checked before and while anything is inflated. */
export const ZIP_LIMITS = {
  /** Entries in the central directory (a résumé has a few dozen). */
  maxEntries: 1_000,
  /** Sum of every entry's uncompressed size. */
  maxTotalUncompressed: 50 * 1024 * 1024,
  /** Uncompressed ÷ compressed for an entry larger than `ratioFloor` (deflate tops out near 1,032). */
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  /** `[Content_Types].xml` is read as text only up to this size. */
  maxContentTypesBytes: 1024 * 1024,
} as const;

/** The byte formats a document may have. */
export const DOCUMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpeg', 'png', 'bmp', 'gif'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The allowed extensions (AP-2, in the order the seed lists them) and the format each names. */
export const TYPE_OF_EXTENSION = {
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  bmp: 'bmp',
  gif: 'gif',
} as const satisfies Record<string, DocumentType>;
export type DocumentExtension = keyof typeof TYPE_OF_EXTENSION;
export const DOCUMENT_EXTENSIONS = Object.keys(TYPE_OF_EXTENSION) as DocumentExtension[];

/** The media type a stored document is served with. */
export const MIME_OF_TYPE: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
  bmp: 'image/bmp',
  gif: 'image/gif',
};

/**
 * What the bytes are, judged from offset 0: an allowed format, a password-protected Office Open
 * XML package (an OLE file holding EncryptionInfo + EncryptedPackage: docx or xlsx, unknowable
 * which), a zip or OLE file that is no allowed format (pptx, odt, jar, ppt, msg …), or anything else.
 */
export type DetectedFormat = DocumentType | 'ooxml_encrypted' | 'zip' | 'cfb' | 'other';

/** A fault found while reading a format (the first one found; inspection stops there). */
export type ByteDefect = 'encrypted' | 'corrupt' | 'zip_bomb' | 'polyglot' | 'too_many_pixels';

/** What `inspectDocument` learnt from a file's bytes. */
export interface ByteFacts {
  size: number;
  format: DetectedFormat;
  defect: ByteDefect | null;
  /** What file-type calls the bytes (for logs), e.g. application/x-msdownload. */
  mime: string | null;
  /** A short reason for logs and tests, never shown to the seeker. */
  detail?: string;
}

/** Why one uploaded file is refused. */
export type FileRefusal =
  | 'empty'
  | 'too_large'
  | 'not_allowed'
  | 'type_mismatch'
  | 'encrypted'
  | 'corrupt'
  | 'zip_bomb'
  | 'polyglot'
  | 'too_many_pixels'
  | 'too_many'
  | 'kind_required'
  | 'unexpected_file';

export type Verdict = { ok: true; type: DocumentType } | { ok: false; refusal: FileRefusal };

const OFFICE = new Set<DetectedFormat>(['doc', 'docx', 'xls', 'xlsx', 'ooxml_encrypted', 'zip', 'cfb']);

/** Whether `format` is what a file named `.extension` must be (.jpg and .jpeg are both JPEG). */
export function formatMatches(format: DetectedFormat, extension: DocumentExtension): boolean {
  if (format === 'ooxml_encrypted') return extension === 'docx' || extension === 'xlsx';
  return TYPE_OF_EXTENSION[extension] === format;
}

/** The same family: Office formats among themselves, PDF, images each alone. */
function sameFamily(format: DetectedFormat, extension: DocumentExtension): boolean {
  const named = TYPE_OF_EXTENSION[extension];
  return format === named || (OFFICE.has(format) && OFFICE.has(named));
}

export function isDocumentExtension(extension: string): extension is DocumentExtension {
  return Object.hasOwn(TYPE_OF_EXTENSION, extension);
}

/**
 * The verdict on one file (AP-2, AP-3), in this order: empty; over 2 MB; an extension not on the
 * list; a zip bomb (whatever it claims to be); a polyglot; password protection or damage, when the
 * bytes are of the family the name claims (an encrypted .docx says "password", a broken .doc says
 * "damaged", not "wrong type"); bytes that are not what the extension names; an image too large to
 * decode.
 */
export function classify(facts: ByteFacts, extension: string): Verdict {
  const refuse = (refusal: FileRefusal): Verdict => ({ ok: false, refusal });
  if (facts.size === 0) return refuse('empty');
  if (facts.size > MAX_BYTES) return refuse('too_large');
  if (!isDocumentExtension(extension)) return refuse('not_allowed');
  if (facts.defect === 'zip_bomb') return refuse('zip_bomb');
  if (facts.defect === 'polyglot') return refuse('polyglot');
  if ((facts.defect === 'encrypted' || facts.defect === 'corrupt') && sameFamily(facts.format, extension)) {
    return refuse(facts.defect);
  }
  if (!formatMatches(facts.format, extension)) return refuse('type_mismatch');
  if (facts.defect) return refuse(facts.defect);
  return { ok: true, type: TYPE_OF_EXTENSION[extension] };
}

/** The 5th and later non-empty file of one upload is refused, not kept (AP-2). */
export const isOverFileLimit = (filesSoFar: number) => filesSoFar >= MAX_FILES;

export function parseDocumentKind(value: string | undefined): DocumentKind | null {
  return (DOCUMENT_KINDS as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : null;
}

/**
 * The extension of a (normalised) name, lower-case: what follows the last dot, when the dot is not
 * the first character and what follows is 1–10 ASCII letters or digits; otherwise ''.
 */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  const extension = name.slice(dot + 1);
  return /^[A-Za-z0-9]{1,10}$/.test(extension) ? extension.toLowerCase() : '';
}

/**
 * Characters that never belong in a displayed file name: C0 and C1 controls, DEL, line and
 * paragraph separators, the bidirectional controls that make "cv‮fdp.exe" read as "cvexe.pdf"
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), invisible spaces and BOM (U+200B,
 * U+2060, U+FEFF), the replacement character and lone surrogates.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to remove control characters.
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters Windows refuses in file names, replaced so the employer can save the file as named. */
const RESERVED = /[<>:"|?*]/g;
/** Whitespace (including U+3000 ideographic space) and dots at either end. */
const EDGES = /^[\s.\u3000]+|[\s.\u3000]+$/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A user's file name as it is kept for display, never as a path (the file itself is stored under a
 * generated key): invisible and bidirectional control characters removed, NFC (macOS sends 濁点
 * decomposed), only the part after the last / or \, Windows-reserved characters replaced by _,
 * spaces and dots trimmed at both ends, a full-width extension folded to ASCII (履歴書.ＰＤＦ →
 * 履歴書.PDF), a Windows device name prefixed with _, cut to MAX_NAME_CHARS characters keeping the
 * extension, and `fallback` (plus the extension) when nothing is left.
 */
export function normaliseFileName(raw: string, fallback = 'document'): string {
  const visible = raw.replace(INVISIBLE, '').normalize('NFC');
  const base = visible.slice(Math.max(visible.lastIndexOf('/'), visible.lastIndexOf('\\')) + 1);
  let name = base.replace(RESERVED, '_').replace(EDGES, '');
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const folded = name.slice(dot + 1).normalize('NFKC');
    if (/^[A-Za-z0-9]{1,10}$/.test(folded)) name = `${name.slice(0, dot)}.${folded}`;
  }
  const extension = extensionOf(name);
  let stem = extension ? name.slice(0, -(extension.length + 1)).replace(EDGES, '') : name;
  if (DEVICE.test(stem)) stem = `_${stem}`;
  if (!stem) stem = fallback;
  const suffix = extension ? name.slice(-(extension.length + 1)) : '';
  return cutText(stem, MAX_NAME_CHARS - suffix.length) + suffix;
}
