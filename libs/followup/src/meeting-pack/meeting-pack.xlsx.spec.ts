import ExcelJS from 'exceljs';
import { referencePack } from '../../../../test/support/meeting-pack.fixture';
import { writeMeetingPackXlsx } from './meeting-pack.xlsx';

describe('the meeting pack as an Excel workbook', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    // exceljs's own Buffer type predates Node's generic one.
    await workbook.xlsx.load((await writeMeetingPackXlsx(referencePack())) as unknown as ArrayBuffer);
  });

  it('has the sheets Kontrakter and Medarbejdere with Danish headings, a frozen header row and a filter', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Kontrakter', 'Medarbejdere']);
    const contracts = workbook.getWorksheet('Kontrakter')!;
    expect(contracts.getRow(1).values).toEqual([undefined, 'Udbud', 'Leverandør', 'CVR', 'Delaftaler', 'Ansættelser', 'Krav til ansættelser', 'Timer pr. uge', 'Krav til timer pr. uge', 'Status', 'Opfølgning', 'Frist']);
    expect(contracts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(contracts.autoFilter).toBe('A1:K1');
    expect(contracts.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(contracts.getColumn(1).width).toBeGreaterThan(20);
    expect(workbook.getWorksheet('Medarbejdere')!.getRow(1).getCell(3).value).toBe('Navn');
  });

  it('stores figures as number cells and days as date cells, with Danish number and date formats', () => {
    const row = workbook.getWorksheet('Kontrakter')!.getRow(2);
    expect([row.getCell(5).value, row.getCell(6).value, row.getCell(7).value, row.getCell(8).value]).toEqual([16, 13, 186.5, 130]);
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(7).numFmt).toBe('0.0');
    expect(row.getCell(11).value).toEqual(new Date('2025-04-08T00:00:00Z'));
    expect(row.getCell(11).numFmt).toBe('dd-mm-yyyy');
    expect([row.getCell(9).value, row.getCell(10).value]).toEqual(['Følger kravet', 'Besvaret']);
    // No requirement in hours: an empty cell, not a zero.
    expect(workbook.getWorksheet('Kontrakter')!.getRow(3).getCell(7).value).toBeNull();
  });

  it('lists each employee with the contract, and keeps hostile text as text', () => {
    const employees = workbook.getWorksheet('Medarbejdere')!;
    expect(employees.rowCount).toBe(3);
    const bo = employees.getRow(3);
    // No partner, no note: empty cells (not empty text), so Excel's filter offers "(Blanks)".
    expect(bo.values).toEqual([undefined, 'Visiteret rutekørsel', 'Fynsk Rutekørsel A/S', 'Bo Hansen', 'Chauffør', undefined, new Date('2025-02-10T00:00:00Z'), 10, 'Nej', new Date('2025-03-20T00:00:00Z'), 'Startet på uddannelse']);
    const hostile = workbook.getWorksheet('Kontrakter')!.getRow(3).getCell(2);
    expect([hostile.type, hostile.value]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("x");Taxa']);
  });
});
