import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, loadConfig } from '@klausul/config';
import { fileAad, FileIntegrityError, openFile, sealFile } from './file-cipher';
import { fileKeyPath, FileKeyring, loadFileKeyring } from './file-keyring';

const b64 = () => randomBytes(32).toString('base64');

describe('FILE_ENCRYPTION_KEYS', () => {
  it('reads keyId:base64key pairs, the first one current', () => {
    const config = loadConfig({ FILE_ENCRYPTION_KEYS: `2026:${b64()}, 2025:${b64()}` });
    const ring = new FileKeyring(config.files.encryptionKeys!);
    expect(ring.current.id).toBe('2026');
    expect(ring.ids).toEqual(['2026', '2025']);
    expect(ring.get('2025').key).toHaveLength(32);
  });

  it.each([
    ['a key of 16 bytes', `k1:${randomBytes(16).toString('base64')}`],
    ['no key id', b64()],
    ['the same id twice', `k1:${b64()},k1:${b64()}`],
    ['an id with spaces', `my key:${b64()}`],
    ['only commas', ',,'],
  ])('refuses %s in one line, without echoing it', (_what, value) => {
    let error: unknown;
    try {
      loadConfig({ FILE_ENCRYPTION_KEYS: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).variable).toBe('FILE_ENCRYPTION_KEYS');
    if (value.length > 12) expect((error as Error).message).not.toContain(value.slice(-12));
  });
});

describe('loadFileKeyring without FILE_ENCRYPTION_KEYS', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'klausul-keys-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('generates a key in memory for tests', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x/y', KLAUSUL_DATA_DIR: dataDir });
    const [a, b] = [await loadFileKeyring(config), await loadFileKeyring(config)];
    expect(a.current.key.equals(b.current.key)).toBe(false);
    await expect(stat(fileKeyPath(config))).rejects.toThrow();
  });

  it('keeps a generated key under the data dir (mode 0600) in the embedded default, and reuses it', async () => {
    const config = loadConfig({ KLAUSUL_DATA_DIR: dataDir });
    const first = await loadFileKeyring(config);
    const second = await loadFileKeyring(config);
    expect(second.current).toEqual(first.current);
    expect((await stat(fileKeyPath(config))).mode & 0o777).toBe(0o600);
    expect(await readFile(fileKeyPath(config), 'utf8')).toBe(`${first.current.id}:${first.current.key.toString('base64')}\n`);
  });

  it('takes a rotated key file (new key first) and tightens its mode', async () => {
    const config = loadConfig({ KLAUSUL_DATA_DIR: dataDir });
    await writeFile(fileKeyPath(config), `new:${b64()}\nold:${b64()}\n`, { mode: 0o644 });
    const warnings: string[] = [];
    const ring = await loadFileKeyring(config, (message) => warnings.push(message));
    expect(ring.ids).toEqual(['new', 'old']);
    expect((await stat(fileKeyPath(config))).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([expect.stringContaining('readable by others')]);
  });

  it('refuses to start in production against an external database', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/klausul', KLAUSUL_DATA_DIR: dataDir });
    await expect(loadFileKeyring(config)).rejects.toThrow('FILE_ENCRYPTION_KEYS must be set in production');
  });
});

describe('file cipher', () => {
  const key = FileKeyring.generateKey('k');
  const aad = fileAad('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');

  it('round-trips and uses a fresh IV each time', () => {
    const plaintext = Buffer.from('Stillingsbeskrivelse');
    const [a, b] = [sealFile(key, plaintext, aad), sealFile(key, plaintext, aad)];
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(openFile(key, a, aad).equals(plaintext)).toBe(true);
  });

  it('refuses another key, another row and a changed tag', () => {
    const sealed = sealFile(key, Buffer.from('x'), aad);
    expect(() => openFile(FileKeyring.generateKey('k'), sealed, aad)).toThrow(FileIntegrityError);
    expect(() => openFile(key, sealed, fileAad('other', 'row'))).toThrow(FileIntegrityError);
    expect(() => openFile(key, { ...sealed, authTag: Buffer.alloc(16) }, aad)).toThrow(FileIntegrityError);
  });
});
