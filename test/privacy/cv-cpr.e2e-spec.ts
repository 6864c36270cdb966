import { deflateSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEFAULT_PDF_TEXT_LIMITS, PdfTextReader, UploadValidator } from '@klausul/files';
import { docxOf, odt, textPdf } from '../files/document-fixtures';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

const CV_LINES = ['Mette Jensen', 'Chauffør, kørekort B', 'Tlf. 12 34 56 78'];

describe('#11.7: a CV whose text holds a CPR number is refused, saying where; nothing is stored', () => {
  let app: INestApplication;
  let unit: Unit;
  let jobOrderId: string;
  let counter = 0;
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = api.app;
    const identity = new IdentityFactory(app);
    const contracts = new ContractsFactory(app);
    unit = await contracts.unit();
    const { tender, suppliers } = await contracts.tenderAt(unit, 'handed_over');
    const [{ id: contractId }] = await identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await contracts.supplierHr(unit.municipalityId, suppliers[0].id);
    jobOrderId = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrderId}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrderId}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
  });

  const counts = async () => (await new IdentityFactory(app).query<{ candidates: number; files: number }>(
    'SELECT (SELECT count(*)::int FROM candidate) AS candidates, (SELECT count(*)::int FROM stored_file) AS files',
  ))[0];
  const propose = (fileName: string, content: Buffer) =>
    http().post(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(unit.jobcenter.token))
      .send(candidateBody(++counter, { cv: { fileName, contentBase64: content.toString('base64') } }));

  it.each([
    ['a PDF, on page 2', 'cv.pdf', () => textPdf([CV_LINES, ['Personnummer: 010190-1234']]), /^Page 2 of the PDF seems to contain a CPR number/, { pages: [2] }],
    ['a PDF, on pages 1 and 3, spaced and in a compressed stream', 'cv.pdf', () => textPdf([['CPR 01 01 90 12 34'], CV_LINES, ['010190 1234']], { compress: true }), /^Pages 1 and 3 of the PDF seem to contain a CPR number/, { pages: [1, 3] }],
    ['a DOCX, in paragraph 3', 'cv.docx', () => docxOf([...CV_LINES.slice(0, 2), 'Født 01.01.90, cpr 010190-1234', 'Referencer']), /^Paragraph 3 of the document seems to contain a CPR number/, { paragraphs: [{ part: 'word/document.xml', paragraphs: [3] }] }],
    ['a DOCX, split over runs and written with entities', 'cv.docx', () => docxOf(['Mette', '<w:p><w:r><w:t>&#48;101</w:t></w:r><w:r><w:t>90</w:t></w:r><w:r><w:t>-1234</w:t></w:r></w:p>']), /^Paragraph 2 of the document seems/, { paragraphs: [{ part: 'word/document.xml', paragraphs: [2] }] }],
    ['a DOCX, in its header', 'cv.docx', () => docxOf(CV_LINES, [{ name: 'word/header1.xml', content: '<w:hdr><w:p><w:r><w:t>CPR: 0101901234</w:t></w:r></w:p></w:hdr>' }]), /^Paragraph 1 of a header \(word\/header1\.xml\) seems/, { paragraphs: [{ part: 'word/header1.xml', paragraphs: [1] }] }],
    ['an ODT, in paragraph 2', 'cv.odt', () => odt(undefined, ['Mette Jensen', 'cpr.nr. 010190\u20131234', 'Chauffør']), /^Paragraph 2 of the document seems to contain a CPR number/, { paragraphs: [{ part: 'content.xml', paragraphs: [2] }] }],
  ] as const)('#11.7: %s', async (_what, fileName, file, message, details) => {
    const before = await counts();
    const res = await propose(fileName, file());
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.message).toContain('Klausul never stores CPR numbers');
    expect(res.body.details).toEqual({ field: 'file', ...details });
    expect(JSON.stringify(res.body)).not.toMatch(/1234/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a PDF', 'cv.pdf', () => textPdf([CV_LINES, ['Kørekort B siden 2010, ordre 87654321']])],
    ['a compressed PDF', 'cv.pdf', () => textPdf([CV_LINES], { compress: true })],
    ['a DOCX', 'cv.docx', () => docxOf([...CV_LINES, 'Født 01-01-1990'])],
    ['an ODT', 'cv.odt', () => odt(undefined, CV_LINES)],
    // A scan: a page that draws only an image (here an empty path), no text. It cannot be checked, and is accepted.
    ['a PDF without text (a scan)', 'scan.pdf', () => textPdf([[]], { raw: '0 0 m 10 10 l S' })],
  ] as const)('#11.7: a clean CV (%s) is accepted and stored', async (_what, fileName, file) => {
    const before = await counts();
    const res = await propose(fileName, file());
    expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
    expect(await counts()).toEqual({ candidates: before.candidates + 1, files: before.files + 1 });
  });

  it('#11.7: a PDF no reader can open is refused: it cannot be checked', async () => {
    const before = await counts();
    const res = await propose('cv.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/could not be read .* could not be checked for CPR numbers/);
    expect(await counts()).toEqual(before);
  });
});

describe('#11.7: reading a PDF is bounded', () => {
  const validator = UploadValidator.withDefaults();
  afterAll(() => validator.close());

  it('#11.7: a PDF whose stream inflates beyond 100 MB (a PDF bomb) is refused quickly, without pdf.js decoding it', async () => {
    const bomb = deflateSync(Buffer.alloc(150 * 1024 * 1024, 0x20));
    const pdf = Buffer.concat([
      Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n4 0 obj << /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      bomb,
      Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    ]);
    const started = Date.now();
    await expect(validator.validate('bomb.pdf', pdf)).rejects.toThrow(/unpack to more than Klausul reads/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('#11.7: one reading thread serves files one after another, and a refusal does not break the next', async () => {
    const results = await Promise.allSettled([
      validator.validate('a.pdf', textPdf([['CPR 010190-1234']])),
      validator.validate('b.pdf', textPdf([['Ren tekst']])),
      validator.validate('c.pdf', Buffer.from('%PDF-1.4 nothing')),
      validator.validate('d.pdf', textPdf([['Mere tekst'], ['og 0202021234']])),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'accepted' : (r.reason as Error).message.split(' seem')[0].split(' (')[0]))).toEqual([
      'Page 1 of the PDF', 'accepted', 'The PDF could not be read', 'Page 2 of the PDF',
    ]);
  });

  it('#11.7: a PDF that takes longer than the limit ends the reading thread and is refused', async () => {
    const reader = new PdfTextReader({ ...DEFAULT_PDF_TEXT_LIMITS, timeoutMs: 1 });
    await expect(reader.read(textPdf([['Ren tekst']]))).resolves.toEqual({ kind: 'too-complex', reason: 'too-slow' });
    await expect(reader.read(textPdf([['Ren tekst']]))).resolves.toEqual({ kind: 'too-complex', reason: 'too-slow' });
    await reader.close();
  });
});
