import { type MeetingPack, type MeetingPackContract, type MeetingPackEmployee, PACK_TEXTS } from './meeting-pack';

const HEADER = [
  'Måned', 'Udbud', 'Leverandør', 'CVR', 'Delaftaler', 'Ansættelser', 'Krav til ansættelser', 'Timer pr. uge', 'Krav til timer pr. uge', 'Status', 'Opfølgning',
  'Frist', 'Navn', 'Stilling', 'Partner', 'Ansat fra', 'Medarbejderens timer pr. uge', 'Stadig ansat', 'Fratrådt', 'Årsag', 'Note',
];

/**
 * A text field for Danish Excel: quoted when it holds the separator, a quote or a line
 * break; a leading =, +, - or @ is neutralised so the spreadsheet does not run it.
 */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number with a decimal comma (no thousands separator, so Excel reads it as a number). */
export function csvNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

function contractCells(period: string, c: MeetingPackContract): string[] {
  return [
    period,
    csvText(c.tender),
    csvText(c.supplier),
    csvText(c.cvr),
    csvText(c.lots.join(', ')),
    csvNumber(c.hires.actual),
    csvNumber(c.hires.required),
    csvNumber(c.weeklyHours?.actual),
    csvNumber(c.weeklyHours?.required),
    PACK_TEXTS.status[c.status],
    PACK_TEXTS.reviewState[c.reviewState],
    c.dueOn,
  ];
}

function employeeCells(e: MeetingPackEmployee | undefined): string[] {
  if (!e) return ['', '', '', '', '', '', '', '', ''];
  return [
    csvText(e.name),
    csvText(e.jobTitle),
    csvText(e.partner),
    e.startDate,
    csvNumber(e.weeklyHours),
    PACK_TEXTS.stillEmployed(e.stillEmployed),
    e.endDate ?? '',
    csvText(e.endReason ? (PACK_TEXTS.endReason[e.endReason] ?? e.endReason) : null),
    csvText(e.note),
  ];
}

/**
 * The meeting pack as CSV for Danish Excel: UTF-8 with a BOM, `;` between fields, decimal
 * commas, ISO dates, CRLF. One line per employee with its contract's columns; a contract
 * without employees has one line of its own.
 */
export function writeMeetingPackCsv(pack: MeetingPack): string {
  const byContract = new Map<string, MeetingPackEmployee[]>();
  for (const e of pack.employees) {
    const list = byContract.get(e.contractId);
    if (list) list.push(e);
    else byContract.set(e.contractId, [e]);
  }
  const lines = [HEADER.map(csvText).join(';')];
  for (const contract of pack.contracts) {
    const employees = byContract.get(contract.contractId) ?? [];
    for (const e of employees.length ? employees : [undefined]) lines.push([...contractCells(pack.period, contract), ...employeeCells(e)].join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
