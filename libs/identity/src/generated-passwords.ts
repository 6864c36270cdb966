import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '@klausul/config';
import type { Role } from '@klausul/domain';

/** An account Klausul created with a password nobody chose. */
export interface GeneratedPassword {
  role: Role;
  email: string;
  password: string;
}

export function generatedPasswordsPath(config: Pick<AppConfig, 'dataDir'>): string {
  return path.resolve(config.dataDir, 'generated-passwords');
}

/**
 * Appends generated passwords to `<KLAUSUL_DATA_DIR>/generated-passwords` (mode 0600, in a
 * 0700 folder) and returns the file's path for the log line: a password never goes into a
 * log, which may be shipped anywhere, while the file stays on this machine for its owner.
 * Under NODE_ENV=test nothing is written (tests choose their passwords), so test runs leave no file behind.
 */
export async function recordGeneratedPasswords(
  config: Pick<AppConfig, 'dataDir' | 'env'>,
  accounts: readonly GeneratedPassword[],
  what: string,
  now: Date,
): Promise<string | null> {
  if (accounts.length === 0 || config.env === 'test') return null;
  const file = generatedPasswordsPath(config);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const lines = accounts.map((a) => `${a.role}\t${a.email}\t${a.password}`);
  const handle = await open(file, 'a', 0o600);
  try {
    // The mode above applies only to a new file; one an earlier hand left readable is tightened before it gets a secret.
    await handle.chmod(0o600);
    await handle.appendFile(`# ${now.toISOString()} ${what}: role, e-mail, password (sign in, change it, then delete this file)\n${lines.join('\n')}\n`);
  } finally {
    await handle.close();
  }
  return file;
}
