import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';

/** Deeper than any request Klausul takes (its deepest DTO is four levels), far below what would overflow a recursive walk. */
export const MAX_JSON_DEPTH = 64;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether raw JSON nests arrays and objects deeper than `maxDepth`, found by counting
 * brackets outside strings in one pass over the bytes: nothing is parsed and nothing
 * recurses, so no depth can overflow the stack. In UTF-8 the bytes of `"` and `\` never
 * occur inside a multi-byte character, so a byte scan is exact.
 */
export function jsonNestsDeeperThan(raw: Uint8Array | string, maxDepth: number): boolean {
  const at = typeof raw === 'string' ? (i: number) => raw.charCodeAt(i) : (i: number) => raw[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * A body-parser `verify` hook that refuses JSON nested deeper than `maxDepth` before it
 * is parsed into objects (which every later step, validation included, walks
 * recursively). body-parser passes the thrown error on with its status, and the
 * exception filter answers it in the one error shape.
 */
export function refuseDeepJson(maxDepth = MAX_JSON_DEPTH): (req: unknown, res: unknown, body: Buffer, encoding: string | null) => void {
  return (_req, _res, body, encoding) => {
    const charset = (encoding ?? 'utf-8').toLowerCase();
    let raw: Uint8Array | string = body;
    if (charset !== 'utf-8' && charset !== 'utf8') {
      try {
        raw = new TextDecoder(charset).decode(body);
      } catch {
        throw new UnsupportedMediaTypeException(`A JSON body must be UTF-8 (this one says ${charset.slice(0, 40)})`);
      }
    }
    if (jsonNestsDeeperThan(raw, maxDepth)) {
      throw new BadRequestException(`The JSON body nests arrays and objects deeper than ${maxDepth} levels, which no Klausul request needs`);
    }
  };
}
