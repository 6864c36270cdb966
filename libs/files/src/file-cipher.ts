import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FileKey } from '@klausul/config';

/** A file's ciphertext and what it takes to open it again. */
export interface SealedFile {
  keyId: string;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The additional authenticated data binds a ciphertext to its row: moved into another
 * row or municipality, it no longer decrypts.
 */
export function fileAad(fileId: string, municipalityId: string): Buffer {
  return Buffer.from(`klausul:stored_file:v1:${fileId}:${municipalityId}`, 'utf8');
}

/** AES-256-GCM with a fresh random 96-bit IV per file. */
export function sealFile(key: FileKey, plaintext: Buffer, aad: Buffer): SealedFile {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { keyId: key.id, iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts and verifies the GCM tag; throws when the ciphertext, tag, IV or AAD was changed. */
export function openFile(key: FileKey, sealed: SealedFile, aad: Buffer): Buffer {
  if (sealed.iv.length !== IV_BYTES || sealed.authTag.length !== TAG_BYTES) throw new FileIntegrityError();
  const decipher = createDecipheriv(ALGORITHM, key.key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.authTag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new FileIntegrityError();
  }
}

/** A stored file failed verification: it was tampered with or damaged. A server-side fault (500), never shown as content. */
export class FileIntegrityError extends Error {
  constructor(fileId?: string) {
    super(`${fileId ? `stored file ${fileId}` : 'a stored file'} failed its integrity check (AES-GCM tag or SHA-256)`);
    this.name = 'FileIntegrityError';
  }
}
