import type { EntityManager } from 'typeorm';
import type { Actor } from '@klausul/domain';
import type { AcceptedMediaType } from './upload-validator';

/** A file as it arrives, before anything is checked. */
export interface FileUpload {
  /** Why it is kept, e.g. `job-description`, `placement-evidence` (lower-case, digits, hyphens). */
  purpose: string;
  /** The name the client gave; only a sanitised basename is kept. */
  originalName: string;
  content: Buffer;
}

/** What Klausul knows about a stored file, without its content. */
export interface StoredFile {
  id: string;
  municipalityId: string;
  purpose: string;
  originalName: string;
  mediaType: AcceptedMediaType;
  size: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
  createdAt: string;
}

export interface FileContent extends StoredFile {
  content: Buffer;
}

/**
 * Where uploaded documents are kept, encrypted. The abstract class is the DI token; the
 * default implementation keeps them in PostgreSQL (PostgresFileStore). Every method is
 * scoped to the actor's municipality: another municipality's file is not found (404).
 * Reads of personal data are for the caller to put in the access log.
 */
export abstract class FileStore {
  /** Validates (type by content, size, ZIP bombs, name) and stores; nothing is stored when it refuses (InvalidInputError). */
  abstract store(actor: Actor, upload: FileUpload, manager?: EntityManager): Promise<StoredFile>;

  abstract describe(actor: Actor, id: string): Promise<StoredFile>;

  /** Decrypts and verifies (GCM tag and SHA-256); a file that fails is a FileIntegrityError, never returned. */
  abstract read(actor: Actor, id: string): Promise<FileContent>;

  /** Erases the content and name, keeping an anonymous row so references and statistics stay intact. */
  abstract delete(actor: Actor, id: string, manager?: EntityManager): Promise<void>;

  /**
   * Re-encrypts every live file sealed with another key than the current one (only those
   * of `fromKeyId` when given) with the current key; returns how many. For key rotation:
   * put the new key first in FILE_ENCRYPTION_KEYS, run this, then drop the old key.
   */
  abstract reencryptAll(fromKeyId?: string): Promise<number>;
}
