import { createInflateRaw } from 'node:zlib';
import { InvalidInputError } from '@klausul/domain';

/** What an uploaded ZIP (DOCX, ODT) may hold; checked from its central directory and by inflating in memory. */
export interface ZipLimits {
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Most bytes all entries together may inflate to. */
  maxUncompressedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 1_000, maxUncompressedBytes: 100 * 1024 * 1024 };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods office documents use. */
  method: number;
  compressedSize: number;
  /** As the central directory declares it; `inflatedSizes` checks the truth. */
  uncompressedSize: number;
  /** Where the entry's compressed bytes start in the archive. */
  dataOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

function refuse(reason: string): never {
  throw new InvalidInputError(`The file was refused: ${reason}`, { field: 'file' });
}

function endOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_MIN - MAX_COMMENT);
  for (let at = zip.length - EOCD_MIN; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return refuse('it is not a readable ZIP archive (no central directory)');
}

/**
 * The entries of a ZIP archive, read from its central directory without extracting
 * anything. Refuses multi-disk, ZIP64, encrypted and out-of-bounds archives, and more
 * entries or more declared bytes than the limits allow.
 */
export function readZipEntries(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (zip.length < EOCD_MIN) refuse('it is not a readable ZIP archive');
  const eocd = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt16LE(eocd + 4) !== 0 || zip.readUInt16LE(eocd + 6) !== 0 || zip.readUInt16LE(eocd + 8) !== count) {
    refuse('multi-part ZIP archives are not accepted');
  }
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) refuse('ZIP64 archives are not accepted');
  if (count > limits.maxEntries) refuse(`the archive holds more than ${limits.maxEntries} entries`);
  if (directoryOffset + directorySize > eocd) refuse('the ZIP archive is damaged');

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) refuse('the ZIP archive is damaged');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    if (at + 46 + nameLength > eocd) refuse('the ZIP archive is damaged');
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 0x1) refuse('encrypted archives are not accepted');
    if (method !== 0 && method !== 8) refuse('the archive uses a compression method office documents do not use');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) refuse('ZIP64 archives are not accepted');
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      refuse(`its contents would unpack to more than ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB (a ZIP bomb?)`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, dataOffset: dataOffsetOf(zip, localOffset, compressedSize, directoryOffset) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function dataOffsetOf(zip: Buffer, localOffset: number, compressedSize: number, directoryOffset: number): number {
  if (localOffset + 30 > directoryOffset || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) refuse('the ZIP archive is damaged');
  const dataOffset = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
  if (dataOffset + compressedSize > directoryOffset) refuse('the ZIP archive is damaged');
  return dataOffset;
}

/**
 * Inflates an entry in memory, keeping at most `keepBytes` of its output and counting the
 * rest; stops (refusing the file) as soon as it passes `maxBytes` or its declared size.
 */
function inflateEntry(zip: Buffer, entry: ZipEntry, maxBytes: number, keepBytes: number): Promise<{ size: number; head: Buffer }> {
  const compressed = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) refuse('the ZIP archive is damaged');
    if (entry.compressedSize > maxBytes) refuse('its contents unpack to more than allowed (a ZIP bomb?)');
    return Promise.resolve({ size: compressed.length, head: compressed.subarray(0, keepBytes) });
  }
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    const kept: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      try {
        refuse(reason);
      } catch (error) {
        reject(error);
      }
    };
    inflater.on('data', (chunk: Buffer) => {
      if (size < keepBytes) kept.push(chunk.subarray(0, keepBytes - size));
      size += chunk.length;
      if (size > entry.uncompressedSize) fail('an entry unpacks to more than the archive declares (a ZIP bomb?)');
      else if (size > maxBytes) fail('its contents unpack to more than allowed (a ZIP bomb?)');
    });
    inflater.on('error', () => fail('the ZIP archive is damaged'));
    inflater.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ size, head: Buffer.concat(kept) });
    });
    inflater.end(compressed);
  });
}

/**
 * Checks what the archive really unpacks to, entry by entry in memory (nothing touches
 * the disk): an entry may not inflate beyond its declared size, nor all of them beyond
 * the limit, whatever the central directory claims. Returns the total.
 */
export async function inflatedSize(zip: Buffer, entries: readonly ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<number> {
  let total = 0;
  for (const entry of entries) {
    const { size } = await inflateEntry(zip, entry, limits.maxUncompressedBytes - total, 0);
    total += size;
  }
  return total;
}

/** The start of one entry's content (for type detection), at most `maxBytes`. */
export async function readZipEntryHead(zip: Buffer, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  return (await inflateEntry(zip, entry, entry.uncompressedSize, maxBytes)).head;
}
