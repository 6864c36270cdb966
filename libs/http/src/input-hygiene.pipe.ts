import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { containsCprNumber, cprNumberRefusal } from '@klausul/domain';
import { MAX_JSON_DEPTH } from './json-depth';

/**
 * Fields whose strings are not text a person wrote, so a CPR-shaped run of digits in them
 * is chance, not a CPR number:
 * - `contentBase64`: a file's bytes in base64, whose alphabet holds digits; the file
 *   itself is checked for CPR numbers by its extracted text (libs/files).
 * - `password`, `currentPassword`, `newPassword`: hashed with argon2id and never stored,
 *   shown or sent, so they cannot leak a CPR number; refusing one would lock a person out
 *   of their own account with an error that hints at the password's content.
 * - `secret`: a webhook channel's shared signing secret, random by nature, never shown.
 * - `cursor`: a list's own opaque page cursor (base64url, whose alphabet holds digits, `-`
 *   and `_`), decoded and checked by libs/paging and never stored.
 * Control characters are refused in these fields too: none belongs in them.
 */
const NOT_FREE_TEXT = new Set(['contentBase64', 'password', 'currentPassword', 'newPassword', 'secret', 'cursor']);

/**
 * C0 and C1 control characters but tab, line feed and carriage return (multi-line text
 * has them), and DEL. PostgreSQL refuses NUL in text (22021), and none of them is text.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Below 1e-6 and from 1e21 on, JavaScript writes a number in exponent notation, which
 * class-validator's `maxDecimalPlaces` cannot read (it throws); beyond 2^53 integers lose
 * precision. No quantity Klausul takes (hours, money, counts, shares) lies outside these.
 */
const SMALLEST_NUMBER = 1e-6;

/** Half of a UTF-16 surrogate pair without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Problem = 'cpr' | 'control' | 'number' | 'text' | 'depth';

const MESSAGES: Record<Problem, { code: string; why: (fields: string, several: boolean) => string }> = {
  cpr: { code: 'CPR_NUMBER_REFUSED', why: (fields, several) => cprNumberRefusal(fields, several) },
  control: {
    code: 'CONTROL_CHARACTER',
    why: (fields) => `${fields}: text may not hold control characters (such as NUL); only tab and line breaks are allowed`,
  },
  text: { code: 'INVALID_TEXT', why: (fields) => `${fields}: the text is not valid Unicode (a lone surrogate)` },
  number: {
    code: 'NUMBER_OUT_OF_RANGE',
    why: (fields) => `${fields}: the number is not one Klausul can take (it must be finite, 0 or at least ${SMALLEST_NUMBER} in size, and at most ${Number.MAX_SAFE_INTEGER})`,
  },
  depth: { code: 'TOO_DEEP', why: (fields) => `${fields}: the input nests deeper than ${MAX_JSON_DEPTH} levels` },
};

/** Checked in this order: the first kind of problem found is the one answered. */
const PRECEDENCE: Problem[] = ['depth', 'control', 'text', 'cpr', 'number'];
const MAX_NAMED_FIELDS = 20;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key.replace(CONTROL_CHARACTER, '?').slice(0, 40))}]`;
  return parent ? `${parent}.${key}` : key;
}

function problemOfString(value: string, field: string | number | undefined): Problem | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'text';
  if (typeof field === 'string' && NOT_FREE_TEXT.has(field)) return undefined;
  return containsCprNumber(value) ? 'cpr' : undefined;
}

function problemOfNumber(value: number): Problem | undefined {
  const size = Math.abs(value);
  return Number.isFinite(value) && (size === 0 || size >= SMALLEST_NUMBER) && size <= Number.MAX_SAFE_INTEGER ? undefined : 'number';
}

/**
 * Every problem in a request value, by field path (`requirements`, `placements[2].note`),
 * found by an explicit stack rather than recursion, and not deeper than MAX_JSON_DEPTH.
 */
export function findInputProblems(root: unknown, rootPath: string, checkCpr: boolean): Map<Problem, string[]> {
  const found = new Map<Problem, string[]>();
  const note = (problem: Problem, path: string) => {
    const paths = found.get(problem) ?? [];
    if (paths.length < MAX_NAMED_FIELDS) paths.push(path || 'the body');
    found.set(problem, paths);
  };
  const stack: { value: unknown; path: string; key: string | number | undefined; depth: number }[] = [
    { value: root, path: rootPath, key: rootPath || undefined, depth: 0 },
  ];
  while (stack.length) {
    const { value, path, key, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = problemOfString(value, key);
      if (problem && (problem !== 'cpr' || checkCpr)) note(problem, path);
    } else if (typeof value === 'number') {
      const problem = problemOfNumber(value);
      if (problem) note(problem, path);
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) {
        note('depth', path);
        continue;
      }
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
      // Pushed in reverse so fields are reported in the order the client wrote them.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [childKey, child] = entries[i];
        if (typeof childKey === 'string') {
          const keyProblem = problemOfString(childKey, undefined);
          if (keyProblem === 'control' || keyProblem === 'text') note(keyProblem, childPath(path, childKey));
        }
        stack.push({ value: child, path: childPath(path, childKey), key: childKey, depth: depth + 1 });
      }
    }
  }
  return found;
}

/**
 * The one check every request value passes before validation (it is registered ahead of
 * the ValidationPipe, so it also sees fields the DTO does not declare): no text shaped
 * like a CPR number in a body or query, no control characters, no number outside what
 * Klausul can store, no nesting beyond MAX_JSON_DEPTH. A refusal is a 400 naming the
 * field paths and saying why, before any handler runs, so nothing is written.
 */
@Injectable()
export class InputHygienePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Path parameters are ids and tokens, not text a person wrote: only control characters are refused there.
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const found = findInputProblems(value, metadata.data ?? '', metadata.type !== 'param');
    const problem = PRECEDENCE.find((kind) => found.has(kind));
    if (!problem) return value;
    const fields = found.get(problem)!;
    throw new BadRequestException({
      statusCode: 400,
      code: MESSAGES[problem].code,
      message: MESSAGES[problem].why(fields.join(', '), fields.length > 1),
      details: { fields, location: metadata.type },
    });
  }
}
