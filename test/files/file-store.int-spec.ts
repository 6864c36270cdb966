import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, InvalidInputError, NotFoundError } from '@klausul/domain';
import { FileIntegrityError, FileKeyring, FileStore, type FileUpload } from '@klausul/files';
import { IdentityFactory } from '../support/identity.factory';
import { actorIn } from '../support/tenant';
import { buildZip, docx, docxBomb, odt, pdf } from './document-fixtures';
import { useTestApi } from '../support/test-api';

const MB = 1024 * 1024;

describe('encrypted file storage in PostgreSQL', () => {
  let app: INestApplication;
  let files: FileStore;
  let dataSource: DataSource;
  let actor: Actor;

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  beforeAll(async () => {
    app = api.app;
    files = app.get(FileStore);
    dataSource = app.get(DataSource);
    actor = actorIn((await new IdentityFactory(app).municipality()).id, 'employment_caseworker');
  });

  const upload = (originalName: string, content: Buffer, purpose = 'cv'): FileUpload => ({ purpose, originalName, content });
  const storedCount = async () => Number((await dataSource.query('SELECT count(*) AS n FROM stored_file'))[0].n);

  it.each([
    ['a PDF', 'Dokumentation.pdf', pdf(), 'application/pdf'],
    ['a DOCX', 'Stillingsbeskrivelse.docx', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an ODT', 'CV.odt', odt(), 'application/vnd.oasis.opendocument.text'],
  ])('stores %s encrypted and reads it back verified', async (_kind, name, content, mediaType) => {
    const stored = await files.store(actor, upload(name, content));
    expect(stored).toMatchObject({
      municipalityId: actor.municipalityId, purpose: 'cv', originalName: name, mediaType, size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });

    const read = await files.read(actor, stored.id);
    expect(read.content.equals(content)).toBe(true);
    expect(await files.describe(actor, stored.id)).toEqual(stored);

    const [row] = await dataSource.query('SELECT key_id, ciphertext, length(iv) AS iv, length(auth_tag) AS tag FROM stored_file WHERE id = $1', [stored.id]);
    expect(row).toMatchObject({ key_id: app.get(FileKeyring).current.id, iv: 12, tag: 16 });
    expect(row.ciphertext.equals(content)).toBe(false);
    expect(row.ciphertext.includes(content.subarray(0, 16))).toBe(false);
  });

  describe('refuses a tampered file', () => {
    it.each([
      ['a flipped ciphertext byte', 'ciphertext = set_byte(ciphertext, 7, get_byte(ciphertext, 7) # 255)'],
      ['a changed auth tag', `auth_tag = '\\x00000000000000000000000000000000'::bytea`],
      ['a changed IV', `iv = '\\x000000000000000000000000'::bytea`],
      ['a moved municipality', `municipality_id = (SELECT id FROM municipality WHERE id <> stored_file.municipality_id LIMIT 1)`],
    ])('with %s', async (_what, change) => {
      await new IdentityFactory(app).municipality();
      const stored = await files.store(actor, upload('Evidens.pdf', pdf(), 'placement-evidence'));
      const [{ municipality_id: before }] = await dataSource.query('SELECT municipality_id FROM stored_file WHERE id = $1', [stored.id]);
      await dataSource.query(`UPDATE stored_file SET ${change} WHERE id = $1`, [stored.id]);
      const [{ municipality_id: after }] = await dataSource.query('SELECT municipality_id FROM stored_file WHERE id = $1', [stored.id]);
      const reader = after === before ? actor : actorIn(after);
      await expect(files.read(reader, stored.id)).rejects.toThrow(FileIntegrityError);
    });

    it("with another file's ciphertext copied in", async () => {
      const a = await files.store(actor, upload('a.pdf', pdf('a')));
      const b = await files.store(actor, upload('b.pdf', pdf('b')));
      await dataSource.query(
        `UPDATE stored_file SET (iv, auth_tag, ciphertext, sha256) = (SELECT iv, auth_tag, ciphertext, sha256 FROM stored_file WHERE id = $2) WHERE id = $1`,
        [a.id, b.id],
      );
      await expect(files.read(actor, a.id)).rejects.toThrow(FileIntegrityError);
    });
  });

  describe('refuses bad uploads and stores nothing', () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 1)]);

    it.each<[string, () => Promise<FileUpload> | FileUpload, RegExp]>([
      ['an .exe renamed .pdf', () => upload('faktura.pdf', exe), /Only PDF, Word \(DOCX\) and OpenDocument text \(ODT\)/],
      ['a 50 MB file', () => upload('stor.pdf', Buffer.concat([pdf(), Buffer.alloc(50 * MB)])), /larger than the 10 MB allowed/],
      ['an empty file', () => upload('tom.pdf', Buffer.alloc(0)), /The file is empty/],
      ['a ZIP bomb renamed .docx', async () => upload('bombe.docx', await docxBomb(200 * MB)), /unpack to more than 100 MB \(a ZIP bomb\?\)/],
      ['a ZIP bomb that lies about its size', async () => upload('bombe.docx', await docxBomb(5 * MB, 1024)), /unpacks to more than the archive declares/],
      ['a ZIP of 5,000 entries', () => upload('mange.docx', buildZip(Array.from({ length: 5000 }, (_, i) => ({ name: `f${i}`, content: '' })))), /more than 1000 entries/],
      ['a path-traversing name', () => upload('../../etc/passwd.pdf', pdf()), /may not point into other folders/],
      ['a Windows path-traversing name', () => upload('..\\..\\windows\\win.ini.pdf', pdf()), /may not point into other folders/],
      ['a name of control characters only', () => upload('\u0000\u0007', pdf()), /needs a name/],
      ['a PDF named .docx', () => upload('cv.docx', pdf()), /PDF document, so its name must end in \.pdf/],
      ['an ordinary ZIP renamed .docx', () => upload('arkiv.docx', buildZip([{ name: 'a.txt', content: 'hej' }])), /Only PDF/],
      ['an OpenDocument spreadsheet renamed .odt', () => upload('regneark.odt', odt('application/vnd.oasis.opendocument.spreadsheet')), /Only PDF/],
      ['a damaged ZIP', () => upload('halv.docx', docx().subarray(0, 200)), /refused/],
      ['a purpose that is not a slug', () => upload('cv.pdf', pdf(), 'CV; DROP TABLE'), /purpose must be/],
    ])('%s', async (_what, make, message) => {
      const before = await storedCount();
      const error = await files.store(actor, await make()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(message);
      expect(await storedCount()).toBe(before);
    });
  });

  it('keeps only a clean base name', async () => {
    const names = {
      'C:\\fakepath\\Ansøgning   Jens.pdf': 'Ansøgning Jens.pdf',
      'mappe/under/cv.pdf': 'cv.pdf',
      'cv\u202Efdp.pdf': 'cvfdp.pdf',
      '  .skjult.pdf  ': 'skjult.pdf',
      'a<b>c:d|e?.pdf': 'a_b_c_d_e_.pdf',
      [`${'x'.repeat(300)}.pdf`]: `${'x'.repeat(116)}.pdf`,
    };
    for (const [given, kept] of Object.entries(names)) {
      expect((await files.store(actor, upload(given, pdf()))).originalName).toBe(kept);
    }
  });

  it("keeps one municipality's files from another", async () => {
    const stored = await files.store(actor, upload('Fortrolig.pdf', pdf()));
    const stranger = actorIn((await new IdentityFactory(app).municipality()).id, 'admin');
    await expect(files.read(stranger, stored.id)).rejects.toThrow(NotFoundError);
    await expect(files.describe(stranger, stored.id)).rejects.toThrow(NotFoundError);
    await expect(files.delete(stranger, stored.id)).rejects.toThrow(NotFoundError);
    await expect(files.read(actor, 'not-a-uuid')).rejects.toThrow(NotFoundError);
    expect((await files.read(actor, stored.id)).content.equals(pdf())).toBe(true);
  });

  it('erases content and name on delete, keeping an anonymous row', async () => {
    const stored = await files.store(actor, upload('Jens Hansen CV.pdf', pdf()));
    await files.delete(actor, stored.id);
    await expect(files.read(actor, stored.id)).rejects.toThrow(NotFoundError);
    await expect(files.delete(actor, stored.id)).rejects.toThrow(NotFoundError);
    const [row] = await dataSource.query('SELECT original_name, length(ciphertext) AS bytes, deleted_at FROM stored_file WHERE id = $1', [stored.id]);
    expect(row).toMatchObject({ original_name: 'deleted', bytes: 0, deleted_at: expect.any(Date) });
  });

  it('stores inside the caller’s transaction: nothing remains when it rolls back', async () => {
    const before = await storedCount();
    await expect(
      dataSource.transaction(async (manager) => {
        await files.store(actor, upload('rul-tilbage.pdf', pdf()), manager);
        throw new Error('the use case failed after the upload');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await storedCount()).toBe(before);
  });
});
