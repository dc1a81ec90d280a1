/**
 * `Content-Disposition: attachment` for a download with the user's original file name (RFC 6266):
 * an ASCII fallback in `filename` (quotes, backslashes, controls and non-ASCII replaced by `_`) and
 * the exact name in `filename*` (RFC 8187, UTF-8, percent-encoded). The name never reaches a path.
 */
const ATTR_CHAR = /[A-Za-z0-9!#$&+.^_`|~-]/;

function encodeExt(name: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `asciiName`: the `filename` for old clients, when a readable one is known (else derived from `name`). */
export function contentDisposition(name: string, asciiName?: string): string {
  const clean = name.normalize('NFC');
  const fallback = (asciiName ?? clean).replace(/[^\x20-\x7e]|["\\%]/g, '_').trim() || 'download';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExt(clean)}`;
}
