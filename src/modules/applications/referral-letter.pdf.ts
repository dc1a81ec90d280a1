/**
 * The 紹介状 as a PDF (SPEC AP-6, AL; ADR 0020): A4, the heading 紹介状 (the seeker's copy:
 * 紹介状（本人控え）), the employer as addressee, one standard sentence, a table of the fields and
 * the office as issuer. Tagged (headings, table, paragraphs) with its language and title.
 *
 * Fonts and the tagged document come from platform/japanese-pdf.ts (shared with the
 * 求職活動の記録 of ADR 0026).
 */
import type { LocalDate } from '../../platform/dates.ts';
import { A4, japanesePdf } from '../../platform/japanese-pdf.ts';

export { runsOf } from '../../platform/japanese-pdf.ts';

export interface ReferralLetterView {
  letterNumber: string;
  /** 交付年月日, the Tokyo date it was issued. */
  issuedOn: LocalDate;
  seekerName: string;
  seekerNameKana?: string;
  seekerNumber?: string;
  jobNumber: string;
  employerName: string;
  employerAddress?: string;
  /** 職種. */
  occupation: string;
  /** 選考方法 as shown (the caller joins the labels of the job's methods). */
  selectionMethod: string;
  officeName: string;
  officeAddress?: string;
  officePhone?: string;
  copyFor: 'seeker' | 'employer';
}

/** The strings the PDF prints: `Messages['applying']['letter']`. */
export interface ReferralLetterLabels {
  lang: string;
  title: string;
  seekerCopy: string;
  number: string;
  issuedOn: string;
  seeker: string;
  seekerKana: string;
  seekerNumber: string;
  jobNumber: string;
  employer: string;
  employerAddress: string;
  occupation: string;
  selection: string;
  office: string;
  officeAddress: string;
  officePhone: string;
  sentence: string;
  addressee: (employer: string) => string;
  seekerCopyNote: string;
  formatDate: (date: LocalDate) => string;
}

/** A file name without personal data: the letter number only. */
export function referralLetterFileName(letter: Pick<ReferralLetterView, 'letterNumber' | 'copyFor'>): string {
  const safe = letter.letterNumber.replace(/[^0-9A-Za-z-]+/g, '-').replace(/^-+|-+$/g, '') || 'letter';
  return `referral-letter-${safe}${letter.copyFor === 'seeker' ? '-copy' : ''}.pdf`;
}

// Layout, in PDF points (1/72 inch). A4 is 595.28 × 841.89.
const PAGE = { ...A4, margin: 56 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LABEL_WIDTH = 128;
const PAD = { x: 9, y: 7 };
const INK = '#1a1a1c';
const MUTED = '#555560';
const RULE = '#767680';
const LABEL_FILL = '#f0f0f3';

export async function renderReferralLetterPdf(
  letter: ReferralLetterView,
  labels: ReferralLetterLabels,
): Promise<Buffer> {
  const heading = letter.copyFor === 'seeker' ? labels.seekerCopy : labels.title;
  const rows = tableRows(letter, labels);
  const issuer = [
    letter.officeName,
    letter.officeAddress,
    letter.officePhone && `${labels.officePhone}　${letter.officePhone}`,
  ].filter((line): line is string => Boolean(line));
  const texts = [
    heading,
    labels.addressee(letter.employerName),
    labels.sentence,
    labels.seekerCopyNote,
    ...rows.flatMap((r) => [r.label, r.value, r.kana ?? '']),
    ...issuer,
  ];

  const pdf = await japanesePdf(texts, {
    lang: labels.lang,
    title: `${heading} ${letter.letterNumber}`,
    subject: heading,
    author: letter.officeName,
    margin: PAGE.margin,
  });
  const { doc, heightOf, artifact } = pdf;
  const write = (
    text: string,
    x: number,
    y: number,
    size: number,
    options: PDFKit.Mixins.TextOptions = {},
    muted = false,
  ) => pdf.write(text, x, y, size, options, muted ? MUTED : INK);

  const root = doc.struct('Document');
  doc.addStructure(root);
  let y = PAGE.margin;

  // 紹介状番号 and 交付年月日, top right.
  const meta = [
    `${labels.number}　${letter.letterNumber}`,
    `${labels.issuedOn}　${labels.formatDate(letter.issuedOn)}`,
  ];
  for (const line of meta) {
    const at = y;
    root.add(
      doc.struct('P', {}, () => write(line, PAGE.margin, at, 10, { width: CONTENT_WIDTH, align: 'right' })),
    );
    y += heightOf(line, 10, CONTENT_WIDTH) + 2;
  }
  y += 16;

  {
    const at = y;
    root.add(
      doc.struct('H1', {}, () =>
        write(heading, PAGE.margin, at, 24, { width: CONTENT_WIDTH, align: 'center' }),
      ),
    );
    y += heightOf(heading, 24, CONTENT_WIDTH) + 22;
  }
  {
    const line = labels.addressee(letter.employerName);
    const at = y;
    root.add(doc.struct('P', {}, () => write(line, PAGE.margin, at, 14, { width: CONTENT_WIDTH })));
    y += heightOf(line, 14, CONTENT_WIDTH) + 12;
  }
  {
    const at = y;
    root.add(
      doc.struct('P', {}, () => write(labels.sentence, PAGE.margin, at, 11, { width: CONTENT_WIDTH })),
    );
    y += heightOf(labels.sentence, 11, CONTENT_WIDTH) + 16;
  }

  // The fields, as a two-column table: label | value.
  const table = doc.struct('Table');
  root.add(table);
  const valueX = PAGE.margin + LABEL_WIDTH;
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - 2 * PAD.x;
  const labelWidth = LABEL_WIDTH - 2 * PAD.x;
  for (const row of rows) {
    const kanaHeight = row.kana ? heightOf(row.kana, 8.5, valueWidth) + 2 : 0;
    const height =
      Math.max(heightOf(row.label, 10, labelWidth), kanaHeight + heightOf(row.value, row.size, valueWidth)) +
      2 * PAD.y;
    if (y + height > PAGE.height - PAGE.margin) {
      doc.addPage();
      y = PAGE.margin;
    }
    const top = y;
    artifact(() => {
      doc.rect(PAGE.margin, top, LABEL_WIDTH, height).fill(LABEL_FILL);
      doc.lineWidth(0.75).strokeColor(RULE);
      doc.rect(PAGE.margin, top, CONTENT_WIDTH, height).stroke();
      doc
        .moveTo(valueX, top)
        .lineTo(valueX, top + height)
        .stroke();
    });
    const tr = doc.struct('TR');
    table.add(tr);
    tr.add(
      doc.struct('TH', {}, () =>
        write(row.label, PAGE.margin + PAD.x, top + PAD.y + 1, 10, { width: labelWidth }),
      ),
    );
    // The kana reading and the name are two paragraphs of one cell, so a reader keeps them apart.
    const cell: PDFKit.PDFStructureElement[] = [];
    if (row.kana) {
      const kana = row.kana;
      cell.push(
        doc.struct('P', {}, () => write(kana, valueX + PAD.x, top + PAD.y, 8.5, { width: valueWidth }, true)),
      );
    }
    cell.push(
      doc.struct('P', {}, () =>
        write(row.value, valueX + PAD.x, top + PAD.y + kanaHeight, row.size, { width: valueWidth }),
      ),
    );
    tr.add(doc.struct('TD', {}, cell));
    tr.end();
    y += height;
  }
  table.end();
  y += 28;

  // The issuing office, bottom right.
  const issuerX = PAGE.margin + CONTENT_WIDTH * 0.45;
  const issuerWidth = CONTENT_WIDTH * 0.55;
  const issuerBlock = [labels.office, ...issuer];
  const issuerHeight = issuerBlock.reduce(
    (h, line, i) => h + heightOf(line, i === 1 ? 13 : 10, issuerWidth) + 3,
    0,
  );
  if (y + issuerHeight > PAGE.height - PAGE.margin) {
    doc.addPage();
    y = PAGE.margin;
  }
  const section = doc.struct('Sect');
  root.add(section);
  issuerBlock.forEach((line, i) => {
    const at = y;
    const size = i === 1 ? 13 : 10;
    section.add(doc.struct('P', {}, () => write(line, issuerX, at, size, { width: issuerWidth }, i === 0)));
    y += heightOf(line, size, issuerWidth) + 3;
  });
  section.end();

  if (letter.copyFor === 'seeker') {
    y += 24;
    const at = y;
    root.add(
      doc.struct('P', {}, () =>
        write(labels.seekerCopyNote, PAGE.margin, at, 9, { width: CONTENT_WIDTH }, true),
      ),
    );
  }

  root.end();
  return pdf.finish();
}

interface Row {
  label: string;
  value: string;
  kana?: string;
  size: number;
}

function tableRows(letter: ReferralLetterView, labels: ReferralLetterLabels): Row[] {
  const rows: (Row | false)[] = [
    { label: labels.seeker, value: letter.seekerName, kana: letter.seekerNameKana || undefined, size: 14 },
    Boolean(letter.seekerNumber) && { label: labels.seekerNumber, value: letter.seekerNumber!, size: 11 },
    { label: labels.jobNumber, value: letter.jobNumber, size: 11 },
    { label: labels.employer, value: letter.employerName, size: 11 },
    Boolean(letter.employerAddress) && {
      label: labels.employerAddress,
      value: letter.employerAddress!,
      size: 11,
    },
    { label: labels.occupation, value: letter.occupation, size: 11 },
    { label: labels.selection, value: letter.selectionMethod, size: 11 },
  ];
  return rows.filter((r): r is Row => r !== false);
}
