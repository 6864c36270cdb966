import { InvalidInputError } from '@klausul/domain';

/** Longest file name kept, in characters, the extension included. */
export const MAX_FILE_NAME_LENGTH = 120;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The name to keep for an uploaded file: its last path segment only, without control or
 * invisible formatting characters (e.g. a right-to-left override that makes `cv‮fdp.exe`
 * read as `cvexe.pdf`), without characters Windows forbids, at most MAX_FILE_NAME_LENGTH
 * characters with the extension kept. A name that climbs folders (`../`) is refused, not
 * repaired: no browser sends one.
 */
export function sanitiseFileName(raw: string, maxLength = MAX_FILE_NAME_LENGTH): string {
  const segments = raw.normalize('NFC').split(/[/\\]/);
  if (segments.some((segment) => segment.trim() === '..')) {
    throw new InvalidInputError('The file name must be a plain name: it may not point into other folders (../)', { field: 'fileName' });
  }
  const cleaned = segments[segments.length - 1]
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') throw new InvalidInputError('The file needs a name', { field: 'fileName' });
  const name = WINDOWS_RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
  return truncateKeepingExtension(name, maxLength);
}

function truncateKeepingExtension(name: string, maxLength: number): string {
  const characters = Array.from(name);
  if (characters.length <= maxLength) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? Array.from(name.slice(dot)) : [];
  const stem = characters.slice(0, characters.length - extension.length);
  return [...stem.slice(0, maxLength - extension.length), ...extension].join('').replace(/[\s.]+(\.[^.]*)$/, '$1');
}

/** The extension of a name, lower-case with its dot (`.pdf`), or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}
