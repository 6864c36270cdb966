import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, InvalidInputError, NotFoundError, isUuid } from '@klausul/domain';
import { fileAad, FileIntegrityError, openFile, sealFile } from './file-cipher';
import { FileKeyring } from './file-keyring';
import { type FileContent, type FileUpload, FileStore, type StoredFile } from './file-store';
import { UploadValidator } from './upload-validator';

const PURPOSE = /^[a-z][a-z0-9-]{0,62}$/;
const ROTATION_BATCH = 20;
const METADATA = 'id, municipality_id, purpose, original_name, media_type, size, sha256, created_at';

interface StoredFileRow {
  id: string;
  municipality_id: string;
  purpose: string;
  original_name: string;
  media_type: StoredFile['mediaType'];
  size: number;
  sha256: Buffer;
  created_at: Date;
}

function toStoredFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    purpose: row.purpose,
    originalName: row.original_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256.toString('hex'),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest();

/** Files as AES-256-GCM ciphertext in the `stored_file` table, bound to their row and municipality. */
@Injectable()
export class PostgresFileStore extends FileStore {
  private readonly logger = new Logger(PostgresFileStore.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: FileKeyring,
    private readonly validator: UploadValidator,
  ) {
    super();
  }

  async store(actor: Actor, upload: FileUpload, manager: EntityManager = this.dataSource.manager): Promise<StoredFile> {
    if (!PURPOSE.test(upload.purpose ?? '')) {
      throw new InvalidInputError('purpose must be lower-case letters, digits and hyphens (e.g. placement-evidence)', { field: 'purpose' });
    }
    const accepted = await this.validator.validate(upload.originalName ?? '', upload.content);
    const id = randomUUID();
    const sealed = sealFile(this.keys.current, upload.content, fileAad(id, actor.municipalityId));
    const [row] = await manager.query(
      `INSERT INTO stored_file (id, municipality_id, purpose, original_name, media_type, size, sha256, key_id, iv, auth_tag, ciphertext)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${METADATA}`,
      [id, actor.municipalityId, upload.purpose, accepted.originalName, accepted.mediaType, accepted.size, sha256(upload.content),
        sealed.keyId, sealed.iv, sealed.authTag, sealed.ciphertext],
    );
    return toStoredFile(row);
  }

  async describe(actor: Actor, id: string): Promise<StoredFile> {
    return toStoredFile(await this.load(actor, id, METADATA));
  }

  async read(actor: Actor, id: string): Promise<FileContent> {
    const row = await this.load(actor, id, `${METADATA}, key_id, iv, auth_tag, ciphertext`);
    return { ...toStoredFile(row), content: this.open(row) };
  }

  async delete(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const [, affected] = isUuid(id)
      ? await manager.query(
          `UPDATE stored_file SET deleted_at = now(), original_name = 'deleted', ciphertext = ''::bytea
            WHERE id = $1 AND municipality_id = $2 AND deleted_at IS NULL`,
          [id, actor.municipalityId],
        )
      : [undefined, 0];
    if (!affected) throw new NotFoundError('file', id);
  }

  async reencryptAll(fromKeyId?: string): Promise<number> {
    const target = this.keys.current;
    if (fromKeyId !== undefined) this.keys.get(fromKeyId);
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const rows: SealedRow[] = await manager.query(
          `SELECT id, municipality_id, sha256, key_id, iv, auth_tag, ciphertext FROM stored_file
            WHERE deleted_at IS NULL AND key_id <> $1 AND ($2::text IS NULL OR key_id = $2)
            ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [target.id, fromKeyId ?? null, ROTATION_BATCH],
        );
        for (const row of rows) {
          const resealed = sealFile(target, this.open(row), fileAad(row.id, row.municipality_id));
          await manager.query('UPDATE stored_file SET key_id = $2, iv = $3, auth_tag = $4, ciphertext = $5 WHERE id = $1', [
            row.id, resealed.keyId, resealed.iv, resealed.authTag, resealed.ciphertext,
          ]);
        }
        return rows.length;
      });
      total += done;
      if (done === 0) break;
    }
    if (total > 0) this.logger.log(`re-encrypted ${total} stored file(s) with key ${target.id}`);
    return total;
  }

  private async load(actor: Actor, id: string, columns: string): Promise<StoredFileRow & SealedRow> {
    const rows = isUuid(id)
      ? await this.dataSource.query(
          `SELECT ${columns} FROM stored_file WHERE id = $1 AND municipality_id = $2 AND deleted_at IS NULL`,
          [id, actor.municipalityId],
        )
      : [];
    if (!rows[0]) throw new NotFoundError('file', id);
    return rows[0];
  }

  /** Decrypts with the row's key and checks the plaintext against its SHA-256. */
  private open(row: SealedRow): Buffer {
    const sealed = { keyId: row.key_id, iv: row.iv, authTag: row.auth_tag, ciphertext: row.ciphertext };
    let content: Buffer;
    try {
      content = openFile(this.keys.get(row.key_id), sealed, fileAad(row.id, row.municipality_id));
    } catch (error) {
      if (error instanceof FileIntegrityError) throw new FileIntegrityError(row.id);
      throw error;
    }
    if (!sha256(content).equals(row.sha256)) throw new FileIntegrityError(row.id);
    return content;
  }
}

interface SealedRow {
  id: string;
  municipality_id: string;
  sha256: Buffer;
  key_id: string;
  iv: Buffer;
  auth_tag: Buffer;
  ciphertext: Buffer;
}
