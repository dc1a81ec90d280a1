/**
 * A tagged A4 PDF with Japanese text (ADR 0020, ADR 0026), shared by the 紹介状 and the
 * 求職活動の記録. Fonts come from node_modules, never from the system, so the text is right on a fresh
 * machine: BIZ UDPゴシック (a universal-design face) for everything it covers, and Noto Sans JP for
 * the characters it lacks — surrogate-pair kanji of JIS X 0213 such as 𠮷 in 𠮷野. pdfkit embeds
 * subsets only of the glyphs used, with a ToUnicode map, so the text can be searched and copied.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  primary: '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf',
  fallback: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

/** The little of fontkit used here: whether a face has a glyph for a code point. */
export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
/** fontkit and pdfkit load with the first PDF, not with the process (they add a few hundred ms to every start). */
const fontkit = () => require('fontkit') as { create(buffer: Buffer): GlyphCoverage };

interface LoadedFont {
  bytes: Buffer;
  coverage: GlyphCoverage;
}
const loaded = new Map<FontName, Promise<LoadedFont>>();

/** Reads a font once per process (9 MB and 5 MB files); the fallback only when a text needs it. */
function loadFont(name: FontName): Promise<LoadedFont> {
  let font = loaded.get(name);
  if (!font) {
    font = readFile(require.resolve(FONT_FILES[name])).then((bytes) => ({
      bytes,
      coverage: fontkit().create(bytes),
    }));
    font.catch(() => loaded.delete(name));
    loaded.set(name, font);
  }
  return font;
}

export type Run = { text: string; font: FontName };

/** Variation selectors and joiners stay with the character before them. */
function joinsPrevious(codePoint: number): boolean {
  return (
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
    codePoint === 0x200d ||
    (codePoint >= 0x3099 && codePoint <= 0x309a)
  );
}

/** Splits text into runs of one font: the primary face where it has the glyph, else the fallback. */
export function runsOf(text: string, primary: GlyphCoverage, fallback: GlyphCoverage | undefined): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const font: FontName =
      last && (joinsPrevious(cp) || cp === 0x20)
        ? last.font
        : primary.hasGlyphForCodePoint(cp) || !fallback?.hasGlyphForCodePoint(cp)
          ? 'primary'
          : 'fallback';
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}

// A4 in PDF points (1/72 inch): 595.28 × 841.89.
export const A4 = { width: 595.28, height: 841.89 };

export interface JapanesePdf {
  doc: PDFKit.PDFDocument;
  /** Writes text at (x, y) in `options.width`, switching fonts where the primary face has no glyph. */
  write(
    text: string,
    x: number,
    y: number,
    size: number,
    options?: PDFKit.Mixins.TextOptions,
    color?: string,
  ): void;
  /** The height `text` takes at `size` in `width`. */
  heightOf(text: string, size: number, width: number): number;
  /** Draws what is layout only (rules, fills), marked as an artifact for assistive technology. */
  artifact(draw: () => void): void;
  /** Ends the document; resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/**
 * A new tagged A4 document with the fonts `texts` need (all text it will print, so the fallback
 * face is loaded only when one of them has a character BIZ UDPゴシック lacks).
 */
export async function japanesePdf(
  texts: readonly string[],
  options: { lang: string; title: string; subject: string; author: string; margin: number },
): Promise<JapanesePdf> {
  const primary = await loadFont('primary');
  const needsFallback = texts.some((t) =>
    [...t].some((ch) => !primary.coverage.hasGlyphForCodePoint(ch.codePointAt(0)!)),
  );
  const fallback = needsFallback ? await loadFont('fallback') : undefined;

  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    pdfVersion: '1.7',
    tagged: true,
    lang: options.lang,
    displayTitle: true,
    info: {
      Title: options.title,
      Subject: options.subject,
      Author: options.author,
      Creator: 'Hello Work MyPage (open implementation)',
    },
  });
  doc.registerFont('primary', primary.bytes);
  if (fallback) doc.registerFont('fallback', fallback.bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  return {
    doc,
    write(text, x, y, size, textOptions = {}, color = '#1a1a1c') {
      const runs = runsOf(text, primary.coverage, fallback?.coverage);
      doc.fontSize(size).fillColor(color);
      runs.forEach((run, i) => {
        doc.font(run.font);
        const more = i < runs.length - 1;
        if (i === 0) doc.text(run.text, x, y, { ...textOptions, continued: more });
        else doc.text(run.text, { continued: more });
      });
    },
    heightOf(text, size, width) {
      doc.font('primary').fontSize(size);
      return doc.heightOfString(text || ' ', { width });
    },
    artifact(draw) {
      doc.markContent('Artifact', { type: 'Layout' });
      draw();
      doc.endMarkedContent();
    },
    finish() {
      doc.end();
      return done;
    },
  };
}
