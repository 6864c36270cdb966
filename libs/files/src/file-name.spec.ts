import { InvalidInputError } from '@klausul/domain';
import { extensionOf, sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it.each([
    ['Ansøgning.pdf', 'Ansøgning.pdf'],
    ['C:\\fakepath\\cv.pdf', 'cv.pdf'],
    ['/home/jens/cv.pdf', 'cv.pdf'],
    ['tab\there\nnewline.pdf', 'tabherenewline.pdf'],
    ['cv\u202Efdp.exe', 'cvfdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['...pdf', 'pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['A\u030Arhus.pdf', 'Århus.pdf'],
  ])('%j -> %j', (raw, kept) => expect(sanitiseFileName(raw)).toBe(kept));

  it('shortens long names and keeps the extension', () => {
    const kept = sanitiseFileName(`${'æ'.repeat(200)}.docx`, 50);
    expect(Array.from(kept)).toHaveLength(50);
    expect(kept.endsWith('.docx')).toBe(true);
  });

  it.each(['../../etc/passwd.pdf', 'a/../b.pdf', '..\\x.pdf', '', '   ', '/'])('refuses %j', (raw) => {
    expect(() => sanitiseFileName(raw)).toThrow(InvalidInputError);
  });
});

describe('extensionOf', () => {
  it.each([
    ['cv.PDF', '.pdf'],
    ['a.b.docx', '.docx'],
    ['noextension', ''],
    ['.hidden', ''],
  ])('%j -> %j', (name, extension) => expect(extensionOf(name)).toBe(extension));
});
