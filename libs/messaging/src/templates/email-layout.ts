import escapeHtml from 'escape-html';

/** A link in an e-mail: what the person reads, and where it leads (always a LinkBuilder URL). */
export interface EmailLink {
  label: string;
  href: string;
}

/** The parts an e-mail is made of; the text and the HTML part are both rendered from them. */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'action'; link: EmailLink }
  | { kind: 'facts'; facts: readonly (readonly [label: string, value: string])[] }
  | { kind: 'list'; items: readonly { text: string; link?: EmailLink }[] };

/** What a template produces: the subject, a heading and the body, as data (no markup). */
export interface EmailContent {
  subject: string;
  heading: string;
  blocks: readonly EmailBlock[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const paragraph = (text: string): EmailBlock => ({ kind: 'paragraph', text });
export const action = (label: string, href: string): EmailBlock => ({ kind: 'action', link: { label, href } });
export const facts = (rows: readonly (readonly [string, string])[]): EmailBlock => ({ kind: 'facts', facts: rows });
export const list = (items: readonly { text: string; link?: EmailLink }[]): EmailBlock => ({ kind: 'list', items });

const FOOTER = 'Denne e-mail er sendt automatisk af Klausul.';

/** Renders an e-mail's content as its subject, text part and HTML part, with the same links in both. */
export function renderContent(content: EmailContent): RenderedEmail {
  for (const link of linksOf(content.blocks)) assertWebLink(link.href);
  // A subject is one header line: a line break in data (a title, a name) must not start another.
  const subject = oneLine(content.subject);
  return { subject, text: renderText(content), html: renderHtml(subject, content) };
}

function renderText(content: EmailContent): string {
  const parts = content.blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.text;
      case 'action':
        return `${block.link.label}: ${block.link.href}`;
      case 'facts':
        return block.facts.map(([label, value]) => `${label}: ${value}`).join('\n');
      case 'list':
        return block.items.map((item) => `- ${item.text}${item.link ? `\n  ${item.link.href}` : ''}`).join('\n');
    }
  });
  return [content.heading, ...parts, '--', FOOTER].join('\n\n') + '\n';
}

// Inline styles only: many mail clients drop <style>. Link colour and underline meet WCAG contrast on white.
const STYLE = {
  body: 'margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
  main: 'max-width:600px',
  h1: 'font-size:22px;line-height:1.3;margin:0 0 16px 0',
  a: 'color:#0059b3;text-decoration:underline',
  dt: 'font-weight:bold;margin:8px 0 0 0',
  dd: 'margin:0 0 0 0',
  footer: 'margin-top:32px;font-size:14px;color:#4d4d4d',
};

function renderHtml(subject: string, content: EmailContent): string {
  const blocks = content.blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return `<p>${multiline(block.text)}</p>`;
      case 'action':
        return `<p>${anchor(block.link)}</p>`;
      case 'facts':
        return `<dl>\n${block.facts.map(([label, value]) => `<dt style="${STYLE.dt}">${escapeHtml(label)}</dt><dd style="${STYLE.dd}">${multiline(value)}</dd>`).join('\n')}\n</dl>`;
      case 'list':
        return `<ul>\n${block.items.map((item) => `<li>${escapeHtml(item.text)}${item.link ? `<br>${anchor(item.link)}` : ''}</li>`).join('\n')}\n</ul>`;
    }
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="${STYLE.body}">`,
    `<main style="${STYLE.main}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(content.heading)}</h1>`,
    ...blocks,
    `<p style="${STYLE.footer}">${escapeHtml(FOOTER)}</p>`,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

const anchor = (link: EmailLink) => `<a href="${escapeHtml(link.href)}" style="${STYLE.a}">${escapeHtml(link.label)}</a>`;
const multiline = (text: string) => text.split('\n').map((line) => escapeHtml(line)).join('<br>');
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function linksOf(blocks: readonly EmailBlock[]): EmailLink[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'action') return [block.link];
    if (block.kind === 'list') return block.items.flatMap((item) => (item.link ? [item.link] : []));
    return [];
  });
}

/** Every link comes from the LinkBuilder; anything else (a javascript: URL, a relative path) is a bug. */
function assertWebLink(href: string): void {
  if (!/^https?:\/\/[^\s"'<>]+$/.test(href)) throw new Error('an e-mail link must be an absolute http(s) URL from the LinkBuilder');
}
