import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AppConfig, type FileKey, parseFileKeyList } from '@klausul/config';

/** The keys files are encrypted with: the first encrypts, every one decrypts (so keys can rotate). */
export class FileKeyring {
  private readonly byId: ReadonlyMap<string, FileKey>;

  constructor(private readonly keys: readonly FileKey[]) {
    if (keys.length === 0) throw new Error('a file keyring needs at least one key');
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  /** The key new files are encrypted with. */
  get current(): FileKey {
    return this.keys[0];
  }

  get ids(): string[] {
    return this.keys.map((key) => key.id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): FileKey {
    const key = this.byId.get(id);
    if (!key) throw new Error(`file key ${id} is not among the configured FILE_ENCRYPTION_KEYS`);
    return key;
  }

  static generateKey(id = `local-${randomBytes(4).toString('hex')}`): FileKey {
    return { id, key: randomBytes(32) };
  }
}

/** Where the embedded default keeps its generated key. */
export function fileKeyPath(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'file-keys');
}

/**
 * The keys of this process: FILE_ENCRYPTION_KEYS when set. Unset, tests get a key in
 * memory; other processes read (or, the first time, generate) `<KLAUSUL_DATA_DIR>/file-keys`
 * (mode 0600), which only works while one machine holds the data. Production against an
 * external database must set FILE_ENCRYPTION_KEYS, the same on every process.
 */
export async function loadFileKeyring(config: AppConfig, warn: (message: string) => void = () => undefined): Promise<FileKeyring> {
  if (config.files.encryptionKeys) return new FileKeyring(config.files.encryptionKeys);
  if (config.env === 'test') return new FileKeyring([FileKeyring.generateKey(`test-${randomBytes(4).toString('hex')}`)]);
  if (config.env === 'production' && !config.database.embedded) {
    throw new Error('FILE_ENCRYPTION_KEYS must be set in production with an external DATABASE_URL (the same keys on every process)');
  }
  if (!config.database.embedded) {
    warn(`FILE_ENCRYPTION_KEYS is not set: files are encrypted with the key kept in ${fileKeyPath(config)} on this machine only`);
  }
  return new FileKeyring(await readOrCreateKeyFile(fileKeyPath(config), warn));
}

async function readOrCreateKeyFile(file: string, warn: (message: string) => void): Promise<FileKey[]> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const generated = FileKeyring.generateKey();
  try {
    await writeFile(file, `${generated.id}:${generated.key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return [generated];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (((await stat(file)).mode & 0o077) !== 0) {
    warn(`${file} was readable by others; its mode is now 0600`);
    await chmod(file, 0o600);
  }
  const keys = parseFileKeyList(await readFile(file, 'utf8'));
  if (!keys) throw new Error(`${file} is not a list of keyId:base64key lines (32-byte keys); the first line encrypts`);
  return keys;
}
