import { crc32, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

/** One entry of a hand-built ZIP; `declaredSize` lets a test lie about the uncompressed size. */
export interface FixtureEntry {
  name: string;
  content?: Buffer | string;
  stored?: boolean;
  /** Already deflated data with its real size and CRC (for large bombs built in chunks). */
  deflated?: { data: Buffer; size: number; crc: number };
  declaredSize?: number;
}

/** A ZIP archive written byte by byte (local headers, central directory, end record). */
export function buildZip(entries: readonly FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : (entry.content ?? Buffer.alloc(0));
    const method = entry.stored ? 0 : 8;
    const data = entry.deflated?.data ?? (entry.stored ? raw : deflateRawSync(raw));
    const size = entry.declaredSize ?? entry.deflated?.size ?? raw.length;
    const crc = entry.deflated?.crc ?? crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

/** A DOCX of the given paragraphs (each a run of text, or raw WordprocessingML when it starts with `<`) and extra parts, e.g. a header. */
export function docxOf(paragraphs: readonly string[], extraParts: readonly FixtureEntry[] = []): Buffer {
  const body = paragraphs.map((p) => (p.startsWith('<') ? p : `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`)).join('');
  return buildZip([
    { name: '[Content_Types].xml', content: DOCX_CONTENT_TYPES },
    { name: '_rels/.rels', content: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' },
    { name: 'word/document.xml', content: `<w:document><w:body>${body}</w:body></w:document>` },
    ...extraParts,
  ]);
}

export function docx(text = 'Stillingsbeskrivelse: chauffør, 10 timer om ugen'): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', content: DOCX_CONTENT_TYPES },
    { name: '_rels/.rels', content: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' },
    { name: 'word/document.xml', content: `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>` },
  ]);
}

export function odt(mimetype = 'application/vnd.oasis.opendocument.text', paragraphs: readonly string[] = ['CV']): Buffer {
  const body = paragraphs.map((text) => `<text:p>${text}</text:p>`).join('');
  return buildZip([
    { name: 'mimetype', content: mimetype, stored: true },
    { name: 'content.xml', content: `<office:document-content><office:body><office:text>${body}</office:text></office:body></office:document-content>` },
    { name: 'META-INF/manifest.xml', content: '<manifest:manifest/>' },
  ]);
}

/** A PDF with one line of text on one page, which pdf.js reads. */
export function pdf(text = 'Dokumentation for ansættelse'): Buffer {
  return textPdf([[text]]);
}

/**
 * A minimal valid PDF written by hand: one page per entry, each line a text object in
 * Helvetica (BT /F1 12 Tf (text) Tj ET), with a correct cross-reference table. Text is
 * Latin-1 (WinAnsi), as a standard font takes it. `raw` adds content operators as is.
 */
export function textPdf(pages: readonly (readonly string[])[], options: { raw?: string; compress?: boolean } = {}): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const kids: number[] = [];
  for (const lines of pages) {
    const operators = `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET ${options.raw ?? ''}`;
    const data = options.compress ? deflateSync(Buffer.from(operators, 'latin1')) : Buffer.from(operators, 'latin1');
    add(Buffer.concat([Buffer.from(`<< /Length ${data.length}${options.compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0].length;
  const offsets = objects.map((body, i) => {
    const offset = length;
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
    return offset;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** `bytes` of zeros, deflated in 1 MB chunks (a few hundred KB for 200 MB), with their CRC. */
export async function deflatedZeros(bytes: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (part: Buffer) => out.push(part));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  let crc = 0;
  for (let written = 0; written < bytes; written += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    crc = crc32(part, crc);
    if (!deflater.write(part)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return { data: Buffer.concat(out), size: bytes, crc };
}

/** A DOCX-looking archive whose document inflates to `bytes` zeros; `declaredSize` lies about it when given. */
export async function docxBomb(bytes: number, declaredSize?: number): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', content: DOCX_CONTENT_TYPES },
    { name: 'word/document.xml', deflated: await deflatedZeros(bytes), declaredSize },
  ]);
}
