import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@klausul/database';
import type { Actor } from '@klausul/domain';
import { FileIntegrityError, FileKeyring, PostgresFileStore, UploadValidator } from '@klausul/files';
import { actorIn, createMunicipality } from '../support/tenant';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { docx, pdf } from './document-fixtures';

describe('file key rotation (reencryptAll)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let odense: Actor;
  let aarhus: Actor;
  const [oldKey, newKey, otherKey] = ['2025-a', '2026-b', 'other'].map((id) => FileKeyring.generateKey(id));
  const storeWith = (...keys: Parameters<typeof FileKeyring.generateKey>[0][]) =>
    new PostgresFileStore(
      dataSource,
      new FileKeyring(keys.map((id) => [oldKey, newKey, otherKey].find((key) => key.id === id)!)),
      UploadValidator.withDefaults(),
    );
  const keyIds = async () =>
    (await dataSource.query(`SELECT key_id FROM stored_file WHERE deleted_at IS NULL ORDER BY key_id`)).map((r: { key_id: string }) => r.key_id);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: db.url, poolSize: 3 })).initialize();
    odense = actorIn(await createMunicipality(dataSource, 'Odense'));
    aarhus = actorIn(await createMunicipality(dataSource, 'Aarhus'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('re-encrypts every live file with the new first key, after which the old key can go', async () => {
    const before = storeWith('2025-a');
    const stored = [
      await before.store(odense, { purpose: 'cv', originalName: 'cv.pdf', content: pdf('cv') }),
      await before.store(aarhus, { purpose: 'job-description', originalName: 'job.docx', content: docx() }),
      ...(await Promise.all(Array.from({ length: 45 }, (_, i) => before.store(odense, { purpose: 'cv', originalName: `cv${i}.pdf`, content: pdf(`cv ${i}`) })))),
    ];
    const erased = await before.store(odense, { purpose: 'cv', originalName: 'slettet.pdf', content: pdf() });
    await before.delete(odense, erased.id);

    const during = storeWith('2026-b', '2025-a');
    const fresh = await during.store(odense, { purpose: 'cv', originalName: 'ny.pdf', content: pdf('ny') });
    expect(await during.reencryptAll()).toBe(stored.length);
    expect(new Set(await keyIds())).toEqual(new Set(['2026-b']));
    expect(await during.reencryptAll()).toBe(0);

    const after = storeWith('2026-b');
    expect((await after.read(odense, stored[0].id)).content.equals(pdf('cv'))).toBe(true);
    expect((await after.read(aarhus, stored[1].id)).content.equals(docx())).toBe(true);
    expect((await after.read(odense, fresh.id)).content.equals(pdf('ny'))).toBe(true);
    await expect(storeWith('2025-a').read(odense, stored[0].id)).rejects.toThrow('not among the configured FILE_ENCRYPTION_KEYS');
  });

  it('moves only the files of the key it is given', async () => {
    const a = await storeWith('2025-a').store(odense, { purpose: 'cv', originalName: 'a.pdf', content: pdf('a') });
    const other = await storeWith('other').store(odense, { purpose: 'cv', originalName: 'o.pdf', content: pdf('o') });
    const rotating = storeWith('2026-b', '2025-a', 'other');
    expect(await rotating.reencryptAll('2025-a')).toBe(1);
    const [row] = await dataSource.query('SELECT key_id FROM stored_file WHERE id = $1', [other.id]);
    expect(row.key_id).toBe('other');
    expect((await storeWith('2026-b').read(odense, a.id)).content.equals(pdf('a'))).toBe(true);
    await expect(rotating.reencryptAll('unknown')).rejects.toThrow('not among the configured');
  });

  it('stops at a damaged file instead of sealing garbage', async () => {
    const damaged = await storeWith('2025-a').store(odense, { purpose: 'cv', originalName: 'd.pdf', content: pdf('d') });
    await dataSource.query(`UPDATE stored_file SET ciphertext = set_byte(ciphertext, 2, get_byte(ciphertext, 2) # 255) WHERE id = $1`, [damaged.id]);
    await expect(storeWith('2026-b', '2025-a').reencryptAll('2025-a')).rejects.toThrow(FileIntegrityError);
    const [row] = await dataSource.query('SELECT key_id FROM stored_file WHERE id = $1', [damaged.id]);
    expect(row.key_id).toBe('2025-a');
  });
});
