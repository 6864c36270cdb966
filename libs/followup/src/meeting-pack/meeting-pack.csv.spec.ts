import { csvNumber, csvText, writeMeetingPackCsv } from './meeting-pack.csv';
import { meetingPackDisposition } from './meeting-pack';
import { referencePack } from '../../../../test/support/meeting-pack.fixture';

describe('the meeting pack as CSV for Danish Excel', () => {
  const csv = writeMeetingPackCsv(referencePack());
  const lines = csv.slice(1).split('\r\n');

  it('starts with a BOM, separates with semicolons and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFFMåned;Udbud;Leverandør;CVR;Delaftaler;Ansættelser;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(true); // only inside the quoted note
  });

  it('writes one line per employee with its contract\'s figures, and a contract without employees once', () => {
    const [header, anna, bo, other] = lines;
    expect(header.split(';')).toHaveLength(21);
    expect(anna.split(';').slice(0, 12)).toEqual(['2025-03', 'Visiteret rutekørsel', 'Fynsk Rutekørsel A/S', '12345678', '1, 2, 3, 4', '16', '13', '186,5', '130', 'Følger kravet', 'Besvaret', '2025-04-08']);
    expect(anna).toContain(';Anna Jensen;Chauffør;FlexVirk;2025-02-03;12,5;Ja;;;"Kører ""morgen""\nog aften"');
    expect(bo.split(';').slice(12)).toEqual(['Bo Hansen', 'Chauffør', '', '2025-02-10', '10', 'Nej', '2025-03-20', 'Startet på uddannelse', '']);
    expect(other).toContain(';Kravet er brudt;Eskaleret;2025-04-08;;;;;;;;;');
  });

  it('neutralises text a spreadsheet would run, and quotes the separator', () => {
    expect(csvText('=HYPERLINK("x");Taxa')).toBe('"\'=HYPERLINK(""x"");Taxa"');
    expect(csvText('+45 12 34')).toBe("'+45 12 34");
    expect(csvText('@SUM')).toBe("'@SUM");
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText(null)).toBe('');
    expect(csvNumber(186.5)).toBe('186,5');
    expect(csvNumber(13)).toBe('13');
    expect(csvNumber(null)).toBe('');
  });

  it('names the file in ASCII and in Danish', () => {
    expect(meetingPackDisposition('2025-03', 'csv')).toBe('attachment; filename="moedepakke-2025-03.csv"; filename*=UTF-8\'\'m%C3%B8depakke-2025-03.csv');
  });
});
