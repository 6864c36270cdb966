import { containsCprNumber, cprNumberRefusal, InvalidInputError } from '@klausul/domain';
import { docxPartLabel, docxParagraphs, odtPartLabel, odtParagraphs } from './office-text';
import type { PdfText, PdfTextReader } from './pdf-text';
import { readZipEntryHead, type ZipEntry } from './zip-archive';

/** 1, 2 and 5 -> "1, 2 and 5". */
function list(numbers: readonly number[]): string {
  return numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function refuse(message: string, details: Record<string, unknown>): never {
  throw new InvalidInputError(message, { field: 'file', ...details });
}

const UNCHECKABLE: Record<Exclude<PdfText, { kind: 'pages' }>['reason'], string> = {
  damaged: 'The PDF could not be read (it seems damaged), so it could not be checked for CPR numbers. Save it again as PDF and try again.',
  encrypted: 'The PDF is password-protected, so it could not be checked for CPR numbers. Send it without a password.',
  'inflates-too-much': 'The PDF could not be checked for CPR numbers: its contents unpack to more than Klausul reads (a PDF bomb?).',
  'too-slow': 'The PDF could not be checked for CPR numbers: it took too long to read. Save it again as a simpler PDF and try again.',
  'too-much-memory': 'The PDF could not be checked for CPR numbers: it needed too much memory to read. Save it again as a simpler PDF and try again.',
};

/**
 * Refuses a PDF whose text holds a CPR number, naming the pages. A PDF without text (a
 * scan) passes: its images cannot be checked. A PDF that cannot be read is refused, as it
 * cannot be checked either and no one could open it.
 */
export async function refuseCprNumbersInPdf(pdf: Buffer, reader: PdfTextReader): Promise<void> {
  const text = await reader.read(pdf);
  if (text.kind !== 'pages') refuse(UNCHECKABLE[text.reason], { reason: text.reason });
  const pages = text.pages.flatMap((page, i) => (containsCprNumber(page) ? [i + 1] : []));
  if (!pages.length) return;
  refuse(cprNumberRefusal(`${pages.length > 1 ? 'Pages' : 'Page'} ${list(pages)} of the PDF`, pages.length > 1), { pages });
}

/**
 * Refuses a DOCX or ODT whose text holds a CPR number, naming the paragraphs: the main
 * text, headers, footers, notes, comments and the document's properties are all read.
 * The archive's limits were checked before (readZipEntries, inflatedSize).
 */
export async function refuseCprNumbersInOfficeDocument(zip: Buffer, entries: readonly ZipEntry[], format: 'docx' | 'odt'): Promise<void> {
  const labelOf = format === 'docx' ? docxPartLabel : odtPartLabel;
  const paragraphsOf = format === 'docx' ? docxParagraphs : odtParagraphs;
  const found: { part: string; label: string | null; paragraphs: number[] }[] = [];
  for (const entry of entries) {
    const label = labelOf(entry.name);
    if (label === undefined) continue;
    const xml = (await readZipEntryHead(zip, entry, entry.uncompressedSize)).toString('utf8');
    const paragraphs = paragraphsOf(xml).flatMap((text, i) => (containsCprNumber(text) ? [i + 1] : []));
    if (paragraphs.length) found.push({ part: entry.name, label, paragraphs });
  }
  if (!found.length) return;
  const where = found
    .map(({ label, paragraphs }) => `${paragraphs.length > 1 ? 'paragraphs' : 'paragraph'} ${list(paragraphs)} of ${label ?? 'the document'}`)
    .join(', ');
  const several = found.length > 1 || found[0].paragraphs.length > 1;
  refuse(cprNumberRefusal(capitalised(where), several), { paragraphs: found.map(({ part, paragraphs }) => ({ part, paragraphs })) });
}
