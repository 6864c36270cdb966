import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type MeetingPack, PACK_TEXTS } from './meeting-pack';

const DATE = 'dd-mm-yyyy';
const WHOLE = '0';
const HOURS = '0.0';

interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
}

/** A calendar date (YYYY-MM-DD) as a date cell: midnight UTC, which Excel shows as that day. */
function dateCell(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

function sheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: ColumnSpec[], rows: unknown[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
}

/**
 * The meeting pack as an Excel workbook: "Kontrakter" (one row per contract: tender,
 * supplier, hires and weekly hours against the requirement, status, review) and
 * "Medarbejdere" (one row per employee), Danish headings, numbers and dates as typed cells,
 * frozen header row with a filter. Text is stored as text: Excel never runs it as a formula.
 */
export async function writeMeetingPackXlsx(pack: MeetingPack): Promise<Buffer> {
  // The streaming writer: each row is written out as it is added (a large municipality's month
  // is thousands of rows; about half the time of building the whole workbook in memory).
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = 'Klausul';
  workbook.title = `Mødepakke ${pack.period}`;
  const byId = new Map(pack.contracts.map((c) => [c.contractId, c]));
  sheet(
    workbook,
    'Kontrakter',
    [
      { header: 'Udbud', width: 36 },
      { header: 'Leverandør', width: 30 },
      { header: 'CVR', width: 11 },
      { header: 'Delaftaler', width: 14 },
      { header: 'Ansættelser', width: 13, numFmt: WHOLE },
      { header: 'Krav til ansættelser', width: 13, numFmt: WHOLE },
      { header: 'Timer pr. uge', width: 13, numFmt: HOURS },
      { header: 'Krav til timer pr. uge', width: 13, numFmt: HOURS },
      { header: 'Status', width: 18 },
      { header: 'Opfølgning', width: 22 },
      { header: 'Frist', width: 12, numFmt: DATE },
    ],
    pack.contracts.map((c) => [
      c.tender,
      c.supplier,
      c.cvr,
      c.lots.join(', '),
      c.hires.actual,
      c.hires.required,
      c.weeklyHours?.actual ?? null,
      c.weeklyHours?.required ?? null,
      PACK_TEXTS.status[c.status],
      PACK_TEXTS.reviewState[c.reviewState],
      dateCell(c.dueOn),
    ]),
  );
  sheet(
    workbook,
    'Medarbejdere',
    [
      { header: 'Udbud', width: 36 },
      { header: 'Leverandør', width: 30 },
      { header: 'Navn', width: 26 },
      { header: 'Stilling', width: 26 },
      { header: 'Partner', width: 24 },
      { header: 'Ansat fra', width: 12, numFmt: DATE },
      { header: 'Timer pr. uge', width: 13, numFmt: HOURS },
      { header: 'Stadig ansat', width: 13 },
      { header: 'Fratrådt', width: 12, numFmt: DATE },
      { header: 'Årsag', width: 24 },
      { header: 'Note', width: 40 },
    ],
    pack.employees.map((e) => {
      const contract = byId.get(e.contractId);
      return [
        contract?.tender ?? null,
        contract?.supplier ?? null,
        e.name,
        e.jobTitle,
        e.partner,
        dateCell(e.startDate),
        e.weeklyHours,
        PACK_TEXTS.stillEmployed(e.stillEmployed),
        dateCell(e.endDate),
        e.endReason ? (PACK_TEXTS.endReason[e.endReason] ?? e.endReason) : null,
        e.note,
      ];
    }),
  );
  await workbook.commit();
  return Buffer.concat(chunks);
}
