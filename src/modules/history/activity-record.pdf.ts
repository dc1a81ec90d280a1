/**
 * 求職活動の記録 as a PDF (issue 16, ADR 0026): A4, tagged, the heading, who and when, then one
 * table row per record (日付 · 内容 · 求人 · 状況), the header row repeated on every page, and a note
 * on where it came from. Shown at an office as a record of the job search (求職活動実績 for 失業認定 is
 * declared by the seeker; this is what they bring along). Fonts: platform/japanese-pdf.ts.
 */
import { A4, japanesePdf } from '../../platform/japanese-pdf.ts';

export interface ActivityRecordView {
  seekerName: string;
  seekerNumber?: string;
  /** 作成日, as shown. */
  createdOn: string;
  rows: { on: string; kind: string; job: string; state: string }[];
}

/** The strings the PDF prints: `Messages['history']['pdf']`. */
export interface ActivityRecordLabels {
  lang: string;
  title: string;
  seeker: string;
  seekerNumber: string;
  createdOn: string;
  columns: { on: string; kind: string; job: string; state: string };
  none: string;
  note: string;
  author: string;
}

const PAGE = { ...A4, margin: 48 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const PAD = { x: 6, y: 5 };
const MUTED = '#555560';
const RULE = '#767680';
const HEAD_FILL = '#f0f0f3';
const SIZE = 9.5;
const COLUMNS = [
  { key: 'on', width: 80 },
  { key: 'kind', width: 118 },
  { key: 'job', width: CONTENT_WIDTH - 80 - 118 - 92 },
  { key: 'state', width: 92 },
] as const;

export async function renderActivityRecordPdf(
  view: ActivityRecordView,
  labels: ActivityRecordLabels,
): Promise<Buffer> {
  const who = [
    `${labels.seeker}　${view.seekerName}`,
    ...(view.seekerNumber ? [`${labels.seekerNumber}　${view.seekerNumber}`] : []),
    `${labels.createdOn}　${view.createdOn}`,
  ];
  const cells = (r: ActivityRecordView['rows'][number]) => COLUMNS.map((col) => r[col.key]);
  const header = COLUMNS.map((col) => labels.columns[col.key]);
  const pdf = await japanesePdf(
    [labels.title, labels.none, labels.note, ...who, ...header, ...view.rows.flatMap(cells)],
    {
      lang: labels.lang,
      title: labels.title,
      subject: labels.title,
      author: labels.author,
      margin: PAGE.margin,
    },
  );
  const { doc, write, heightOf, artifact } = pdf;
  const root = doc.struct('Document');
  doc.addStructure(root);
  let y = PAGE.margin;

  {
    const at = y;
    root.add(doc.struct('H1', {}, () => write(labels.title, PAGE.margin, at, 20, { width: CONTENT_WIDTH })));
    y += heightOf(labels.title, 20, CONTENT_WIDTH) + 12;
  }
  for (const line of who) {
    const at = y;
    root.add(doc.struct('P', {}, () => write(line, PAGE.margin, at, 10.5, { width: CONTENT_WIDTH })));
    y += heightOf(line, 10.5, CONTENT_WIDTH) + 3;
  }
  y += 12;

  if (view.rows.length === 0) {
    const at = y;
    root.add(doc.struct('P', {}, () => write(labels.none, PAGE.margin, at, 10.5, { width: CONTENT_WIDTH })));
    y += heightOf(labels.none, 10.5, CONTENT_WIDTH) + 12;
  } else {
    const table = doc.struct('Table');
    root.add(table);
    const rowHeight = (values: string[]) =>
      Math.max(...values.map((v, i) => heightOf(v, SIZE, COLUMNS[i]!.width - 2 * PAD.x))) + 2 * PAD.y;
    const drawRow = (values: string[], head: boolean) => {
      const height = rowHeight(values);
      const top = y;
      artifact(() => {
        if (head) doc.rect(PAGE.margin, top, CONTENT_WIDTH, height).fill(HEAD_FILL);
        doc.lineWidth(0.75).strokeColor(RULE);
        let x = PAGE.margin;
        for (const col of COLUMNS) {
          doc.rect(x, top, col.width, height).stroke();
          x += col.width;
        }
      });
      const tr = doc.struct('TR');
      table.add(tr);
      let x = PAGE.margin;
      values.forEach((value, i) => {
        const width = COLUMNS[i]!.width;
        const left = x;
        tr.add(
          doc.struct(head ? 'TH' : 'TD', {}, () =>
            write(value, left + PAD.x, top + PAD.y, SIZE, { width: width - 2 * PAD.x }),
          ),
        );
        x += width;
      });
      tr.end();
      y += height;
    };
    drawRow(header, true);
    for (const row of view.rows) {
      const values = cells(row);
      if (y + rowHeight(values) > PAGE.height - PAGE.margin) {
        doc.addPage();
        y = PAGE.margin;
        drawRow(header, true);
      }
      drawRow(values, false);
    }
    table.end();
    y += 14;
  }

  if (y + heightOf(labels.note, 8.5, CONTENT_WIDTH) > PAGE.height - PAGE.margin) {
    doc.addPage();
    y = PAGE.margin;
  }
  const at = y;
  root.add(
    doc.struct('P', {}, () => write(labels.note, PAGE.margin, at, 8.5, { width: CONTENT_WIDTH }, MUTED)),
  );
  root.end();
  return pdf.finish();
}
