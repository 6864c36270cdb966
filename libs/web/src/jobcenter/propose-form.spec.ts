import { InvalidInputError } from '@klausul/domain';
import { translator } from '../i18n/i18n';
import { cvOfUpload, dateOfParts, fieldId, fileErrorOf, inFormOrder, proposeBody } from './propose-form';

const da = translator('da');
const MB = 1024 * 1024;

describe('the propose form', () => {
  it('builds the REST body from the form: trimmed text, a decimal comma, ticked shifts, the date of three fields', () => {
    expect(proposeBody({
      name: '  Mette Jensen ', candidateEmail: '', phone: ' ', availableWeeklyHours: '12,5', preferredShifts: 'split', targetGroup: 'flexjob',
      consentDay: '5', consentMonth: '1', consentYear: '2026', consentScope: 'CV til leverandøren', applicationText: '',
    })).toEqual({
      name: 'Mette Jensen', availableWeeklyHours: 12.5, preferredShifts: ['split'], targetGroup: 'flexjob', consentGivenOn: '2026-01-05', consentScope: 'CV til leverandøren',
    });
  });

  it('passes a date that cannot be one on as typed, so the DTO names the field', () => {
    expect(dateOfParts('', '', '')).toBeUndefined();
    expect(dateOfParts('31', '12', '2025')).toBe('2025-12-31');
    expect(dateOfParts('1', 'jan', '2026')).toBe('1-jan-2026');
    expect(dateOfParts('1', '1', '26')).toBe('1-1-26');
  });

  it('links errors to the inputs that show them and lists them in the order of the form', () => {
    expect(fieldId('cv-fileName')).toBe('cv-file');
    expect(fieldId('email')).toBe('candidateEmail');
    expect(fieldId('preferredShifts-1')).toBe('preferredShifts-option1');
    expect(inFormOrder([{ field: 'cv-file', text: 'c' }, { field: 'consentScope', text: 'b' }, { field: 'name', text: 'a' }]).map((e) => e.text)).toEqual(['a', 'b', 'c']);
  });

  it('turns the upload into the base64 CV of the REST body, or says why it cannot', () => {
    const bytes = Buffer.from('%PDF-1.4');
    expect(cvOfUpload({ file: { originalName: 'cv.pdf', mediaType: 'application/pdf', bytes } }, 10 * MB, da).cv).toEqual({ fileName: 'cv.pdf', contentBase64: bytes.toString('base64') });
    expect(cvOfUpload({}, 10 * MB, da)).toEqual({});
    expect(cvOfUpload({ refused: 'too-large' }, 10 * MB, da).error?.text).toBe('Filen er for stor. Den må højst fylde 10 MB');
    expect(cvOfUpload({ file: { originalName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.alloc(0) } }, 10 * MB, da).error?.field).toBe('cv-file');
  });

  it("says what the file store refused in the person's language", () => {
    const refusal = (details: Record<string, unknown>) => fileErrorOf(new InvalidInputError('refused', details), 10 * MB, da)?.text;
    expect(refusal({ field: 'file', pages: [2] })).toMatch(/CPR-nummer/);
    expect(refusal({ field: 'file', paragraphs: [{ part: 'word/document.xml', paragraphs: [1] }] })).toMatch(/CPR-nummer/);
    expect(refusal({ field: 'file', maxBytes: 10 * MB })).toMatch(/for stor/);
    expect(refusal({ field: 'file', reason: 'encrypted' })).toMatch(/adgangskode/);
    expect(refusal({ field: 'file', reason: 'damaged' })).toMatch(/kan ikke læses/);
    expect(refusal({ field: 'fileName' })).toMatch(/\.pdf/);
    expect(refusal({ field: 'file' })).toBe('Filen skal være en PDF, DOCX eller ODT');
    expect(fileErrorOf(new InvalidInputError('no', { fields: ['name'] }), 10 * MB, da)).toBeUndefined();
    expect(fileErrorOf(new Error('boom'), 10 * MB, da)).toBeUndefined();
  });
});
