import { InvalidInputError } from '@klausul/domain';
import { refuseCprNumbersInOfficeDocument, refuseCprNumbersInPdf } from './document-cpr-check';
import { extensionOf, sanitiseFileName } from './file-name';
import { PdfTextReader } from './pdf-text';
import { DEFAULT_ZIP_LIMITS, inflatedSize, readZipEntries, readZipEntryHead, type ZipEntry, type ZipLimits } from './zip-archive';

/** The document types Klausul accepts: what suppliers and jobcenters send (job descriptions, CVs, evidence). */
export const ACCEPTED_FILE_TYPES = {
  'application/pdf': { extension: '.pdf', label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: '.docx', label: 'Word (DOCX)' },
  'application/vnd.oasis.opendocument.text': { extension: '.odt', label: 'OpenDocument text (ODT)' },
} as const;

export type AcceptedMediaType = keyof typeof ACCEPTED_FILE_TYPES;

export interface UploadLimits extends ZipLimits {
  /** Largest file accepted, in bytes (FILE_MAX_UPLOAD_BYTES, 10 MB by default). */
  maxBytes: number;
}

export interface AcceptedUpload {
  originalName: string;
  mediaType: AcceptedMediaType;
  size: number;
}

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const DOCX_MAIN_PART = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MB = 1024 * 1024;

function refuse(message: string, details: Record<string, unknown> = { field: 'file' }): never {
  throw new InvalidInputError(message, details);
}

/**
 * Decides whether an upload may be stored: by its bytes (magic numbers and, for DOCX
 * and ODT, the ZIP's own type markers), never by the name or type the client claims,
 * and by its text, which may not hold a CPR number. Refusals are InvalidInputError (400)
 * saying what is wrong.
 */
export class UploadValidator {
  constructor(
    private readonly limits: UploadLimits,
    private readonly pdfText: PdfTextReader = new PdfTextReader(),
  ) {}

  static withDefaults(overrides: Partial<UploadLimits> = {}, pdfText?: PdfTextReader): UploadValidator {
    return new UploadValidator({ maxBytes: 10 * MB, ...DEFAULT_ZIP_LIMITS, ...overrides }, pdfText);
  }

  async validate(originalName: string, content: Buffer): Promise<AcceptedUpload> {
    const name = sanitiseFileName(originalName);
    if (content.length === 0) refuse('The file is empty');
    if (content.length > this.limits.maxBytes) {
      refuse(`The file is larger than the ${formatSize(this.limits.maxBytes)} allowed`, { field: 'file', maxBytes: this.limits.maxBytes });
    }
    const { mediaType, entries } = await this.detect(content);
    const expected = ACCEPTED_FILE_TYPES[mediaType].extension;
    if (extensionOf(name) !== expected) {
      refuse(`The file is a ${ACCEPTED_FILE_TYPES[mediaType].label} document, so its name must end in ${expected}`, { field: 'fileName' });
    }
    if (mediaType === 'application/pdf') await refuseCprNumbersInPdf(content, this.pdfText);
    else await refuseCprNumbersInOfficeDocument(content, entries, mediaType === ODT_MIMETYPE ? 'odt' : 'docx');
    return { originalName: name, mediaType, size: content.length };
  }

  /** Ends the thread that reads PDFs (at shutdown). */
  close(): Promise<void> {
    return this.pdfText.close();
  }

  private async detect(content: Buffer): Promise<{ mediaType: AcceptedMediaType; entries: ZipEntry[] }> {
    if (content.subarray(0, 5).toString('latin1') === '%PDF-') return { mediaType: 'application/pdf', entries: [] };
    if (content.length >= 30 && content.readUInt32LE(0) === 0x04034b50) {
      const entries = readZipEntries(content, this.limits);
      await inflatedSize(content, entries, this.limits);
      const type = await officeTypeOf(content, entries);
      if (type) return { mediaType: type, entries };
    }
    return refuse('Only PDF, Word (DOCX) and OpenDocument text (ODT) files are accepted, and this file is none of them');
  }
}

/** ODT: a first entry `mimetype`, stored, naming the type. DOCX: `[Content_Types].xml` declaring a Word main part. */
async function officeTypeOf(zip: Buffer, entries: readonly ZipEntry[]): Promise<AcceptedMediaType | null> {
  const [first] = entries;
  if (first?.name === 'mimetype' && first.method === 0) {
    const mimetype = (await readZipEntryHead(zip, first, 100)).toString('latin1').trim();
    return mimetype === ODT_MIMETYPE ? 'application/vnd.oasis.opendocument.text' : null;
  }
  const contentTypes = entries.find((entry) => entry.name === '[Content_Types].xml');
  const hasDocument = entries.some((entry) => entry.name === 'word/document.xml');
  if (!contentTypes || !hasDocument) return null;
  const xml = (await readZipEntryHead(zip, contentTypes, 256 * 1024)).toString('utf8');
  return xml.includes(DOCX_MAIN_PART) ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : null;
}

function formatSize(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}
