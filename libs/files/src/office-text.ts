/** One part of an office document whose text is checked, with how a person would name it. */
export interface TextPart {
  /** `null` for the main text, else e.g. "a header (word/header1.xml)". */
  label: string | null;
  paragraphs: string[];
}

const DOCX = {
  paragraph: new Set(['w:p']),
  /** Elements that stand for a character of their own. */
  characters: new Map([['w:tab', '\t'], ['w:br', '\n'], ['w:cr', '\n'], ['w:noBreakHyphen', '-'], ['w:softHyphen', '']]),
};
const ODT = {
  paragraph: new Set(['text:p', 'text:h']),
  characters: new Map([['text:s', ' '], ['text:tab', '\t'], ['text:line-break', '\n']]),
};

/** Which ZIP entries of a DOCX hold text, and what to call them. */
export function docxPartLabel(name: string): string | null | undefined {
  if (name === 'word/document.xml') return null;
  if (/^word\/header\d*\.xml$/.test(name)) return `a header (${name})`;
  if (/^word\/footer\d*\.xml$/.test(name)) return `a footer (${name})`;
  if (name === 'word/footnotes.xml') return 'the footnotes';
  if (name === 'word/endnotes.xml') return 'the endnotes';
  if (name === 'word/comments.xml') return 'the comments';
  if (/^docProps\/[\w-]+\.xml$/.test(name)) return `the document's properties (${name})`;
  return undefined;
}

/** Which ZIP entries of an ODT hold text: the text, its styles (headers and footers) and its properties. */
export function odtPartLabel(name: string): string | null | undefined {
  if (name === 'content.xml') return null;
  if (name === 'styles.xml') return 'the headers and footers (styles.xml)';
  if (name === 'meta.xml') return "the document's properties (meta.xml)";
  return undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity] ?? whole;
    const codePoint = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/** The end of a tag that starts at `from` (`<`), skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

/**
 * The text of each paragraph of a WordprocessingML or OpenDocument part, in document order
 * (a paragraph inside a text box counts as one of its own). One linear scan of the XML,
 * no DOM and no regular expression over the whole part; text outside any paragraph (in a
 * properties part) is gathered as one more paragraph, so nothing escapes the check.
 */
function paragraphsOf(xml: string, kind: typeof DOCX | typeof ODT): string[] {
  const paragraphs: string[] = [];
  const open: number[] = [];
  let loose = '';
  const append = (text: string) => {
    if (open.length) paragraphs[open[open.length - 1]] += text;
    else loose += text;
  };
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt === -1) {
      append(decodeEntities(xml.slice(at)));
      break;
    }
    if (lt > at) append(decodeEntities(xml.slice(at, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      at = end === -1 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      append(xml.slice(lt + 9, end === -1 ? xml.length : end));
      at = end === -1 ? xml.length : end + 3;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt === -1) break;
    const tag = xml.slice(lt + 1, gt);
    const closing = tag.startsWith('/');
    const name = /^\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
    if (kind.paragraph.has(name)) {
      if (closing) open.pop();
      else if (!tag.endsWith('/')) {
        open.push(paragraphs.length);
        paragraphs.push('');
      }
    } else if (!closing && kind.characters.has(name)) {
      append(kind.characters.get(name)!);
    } else if (!open.length && !closing) {
      // In a properties part each element is a value of its own: keep them apart.
      loose += '\n';
    }
    at = gt + 1;
  }
  if (loose.trim()) paragraphs.push(loose);
  return paragraphs;
}

export function docxParagraphs(xml: string): string[] {
  return paragraphsOf(xml, DOCX);
}

export function odtParagraphs(xml: string): string[] {
  return paragraphsOf(xml, ODT);
}
