import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What reading a PDF's text can give: the text of each page, or why there is none. */
export type PdfText =
  | { kind: 'pages'; pages: string[] }
  | { kind: 'unreadable'; reason: 'damaged' | 'encrypted' }
  | { kind: 'too-complex'; reason: 'inflates-too-much' | 'too-slow' | 'too-much-memory' };

export interface PdfTextLimits {
  /** Most bytes the PDF's compressed streams may inflate to, all together. */
  maxInflatedBytes: number;
  /** Longest a PDF may take to read. */
  timeoutMs: number;
  /** The reading thread's JavaScript heap. */
  maxHeapMb: number;
}

export const DEFAULT_PDF_TEXT_LIMITS: PdfTextLimits = { maxInflatedBytes: 100 * 1024 * 1024, timeoutMs: 20_000, maxHeapMb: 512 };

/**
 * Runs in the reading thread, as plain CommonJS (the thread loads no TypeScript and no
 * bundle). Before pdf.js sees the file, every stream that starts like zlib data is
 * inflated by Node's zlib under a byte budget, layer by layer, so a PDF "bomb" is
 * refused without pdf.js decoding it into memory. pdf.js runs with eval off (fonts can
 * carry code) and no worker of its own.
 */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { inflateSync, constants } = require('node:zlib');
const unpdf = require(workerData.unpdfPath);

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');
const looksLikeZlib = (b, at) => at + 1 < b.length && (b[at] & 0x0f) === 8 && ((b[at] << 8) | b[at + 1]) % 31 === 0;

function inflatedSize(pdf, budget) {
  let total = 0;
  for (let at = pdf.indexOf(STREAM); at !== -1; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + STREAM.length;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf(END, start);
    let layer = pdf.subarray(start, end === -1 ? pdf.length : end);
    for (let depth = 0; depth < 4 && looksLikeZlib(layer, 0); depth++) {
      layer = inflateSync(layer, { maxOutputLength: Math.max(1, budget - total), finishFlush: constants.Z_SYNC_FLUSH });
      total += layer.length;
    }
  }
  return total;
}

parentPort.on('message', async ({ id, bytes, maxInflatedBytes }) => {
  try {
    const pdf = Buffer.from(bytes);
    try {
      inflatedSize(pdf, maxInflatedBytes);
    } catch (error) {
      if (error && error.code === 'ERR_BUFFER_TOO_LARGE') return parentPort.postMessage({ id, result: { kind: 'too-complex', reason: 'inflates-too-much' } });
    }
    const document = await unpdf.getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0, isEvalSupported: false, useWorkerFetch: false, disableFontFace: true, useSystemFonts: false,
    });
    try {
      const { text } = await unpdf.extractText(document, { mergePages: false });
      parentPort.postMessage({ id, result: { kind: 'pages', pages: text } });
    } finally {
      await document.loadingTask.destroy();
    }
  } catch (error) {
    const name = error && error.name;
    const reason = name === 'PasswordException' ? 'encrypted' : 'damaged';
    parentPort.postMessage({ id, result: { kind: 'unreadable', reason } });
  }
});
`;

/** Where unpdf is installed, found from the process's entry script or its working folder (dist, jest and ts-node alike). */
function unpdfLocation(): string {
  const bases = [process.argv[1], join(process.cwd(), 'package.json')].filter((base): base is string => Boolean(base));
  for (const base of bases) {
    try {
      return createRequire(resolve(base)).resolve('unpdf');
    } catch {
      // try the next base
    }
  }
  throw new Error('the unpdf package is not installed (npm ci installs it)');
}

interface Pending {
  id: number;
  resolve: (text: PdfText) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Reads the text of PDFs in a worker thread of its own, one file at a time: pdf.js is
 * loaded once, a hostile file costs that thread (its heap is capped, a file that takes
 * too long ends it) and never the process serving requests. A new thread starts when
 * the last one was ended.
 */
export class PdfTextReader {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private unpdfPath: string | undefined;

  constructor(private readonly limits: PdfTextLimits = DEFAULT_PDF_TEXT_LIMITS) {}

  read(pdf: Buffer): Promise<PdfText> {
    const turn = this.queue.then(() => this.readNow(pdf));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private readNow(pdf: Buffer): Promise<PdfText> {
    const worker = this.started();
    return new Promise<PdfText>((resolve, reject) => {
      const id = ++this.nextId;
      const timer = setTimeout(() => this.end({ kind: 'too-complex', reason: 'too-slow' }), this.limits.timeoutMs);
      this.pending = { id, resolve, reject, timer };
      worker.postMessage({ id, bytes: new Uint8Array(pdf), maxInflatedBytes: this.limits.maxInflatedBytes });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    this.unpdfPath ??= unpdfLocation();
    const worker = new Worker(READER_SOURCE, {
      eval: true,
      workerData: { unpdfPath: this.unpdfPath },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    // pdf.js may warn on stdout about a damaged file; nothing of a file's content belongs in the log.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    worker.on('message', (message: { id: number; result: PdfText }) => {
      if (this.pending?.id !== message.id) return;
      clearTimeout(this.pending.timer);
      const { resolve } = this.pending;
      this.pending = undefined;
      resolve(message.result);
    });
    // Events of a thread already ended (and perhaps replaced) concern nobody.
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      // Out of memory is the file's doing; anything else (unpdf missing) is ours, and a 500.
      this.end(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'too-complex', reason: 'too-much-memory' } : error);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.end({ kind: 'too-complex', reason: 'too-much-memory' });
    });
    this.worker = worker;
    return worker;
  }

  /** Answers the file being read and ends the thread, which may be stuck in it. */
  private end(result: PdfText | Error): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      if (result instanceof Error) pending.reject(result);
      else pending.resolve(result);
    }
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
