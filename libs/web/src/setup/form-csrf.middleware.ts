import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { FORM_TOKEN_FIELD, formTokenMatches, SAFE_METHODS } from '@klausul/identity';
import { renderStatusPage } from '../errors/status-page';

/** A web form's upload, read into memory by this middleware (one file, field `file`), or why it was refused. */
export interface FormUpload {
  file?: { originalName: string; mediaType: string; bytes: Buffer };
  refused?: 'too-large' | 'unreadable';
}

export interface FormRequest extends Request {
  upload?: FormUpload;
}

/**
 * The CSRF rule of the web pages: every form post carries the synchronizer token of the
 * browser's session (or pre-sign-in form cookie) in `_csrf`, else it is a 403 page and
 * no route runs. A multipart form (a CV upload) is read here first, so the token is checked
 * before anything else happens; forms put `_csrf` before the file so an oversized file
 * still leaves the token readable, and the page can say the file is too large.
 */
@Injectable()
export class FormCsrfMiddleware implements NestMiddleware {
  private readonly multipart: ReturnType<multer.Multer['single']>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.multipart = multer({
      storage: multer.memoryStorage(),
      // Browsers send a file's name as UTF-8 ("Ansøgning.pdf"); multer would read it as Latin-1.
      defParamCharset: 'utf8',
      limits: { fileSize: config.files.maxUploadBytes, files: 1, fields: 60, fieldSize: 100_000, parts: 62 },
    }).single('file');
  }

  use(req: FormRequest, res: Response, next: NextFunction): void {
    if (SAFE_METHODS.has(req.method.toUpperCase())) return next();
    if (req.is('multipart/form-data')) {
      this.multipart(req, res, (error?: unknown) => {
        const code = (error as { code?: string } | undefined)?.code;
        req.body ??= {};
        if (error && code !== 'LIMIT_FILE_SIZE') req.upload = { refused: 'unreadable' };
        else if (code === 'LIMIT_FILE_SIZE') req.upload = { refused: 'too-large' };
        else if (req.file) {
          req.upload = { file: { originalName: req.file.originalname, mediaType: req.file.mimetype, bytes: req.file.buffer } };
        } else req.upload = {};
        this.check(req, res, next);
      });
      return;
    }
    this.check(req, res, next);
  }

  private check(req: FormRequest, res: Response, next: NextFunction): void {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!formTokenMatches(req, body[FORM_TOKEN_FIELD])) {
      renderStatusPage(req, res, 403, 'csrf');
      return;
    }
    delete body[FORM_TOKEN_FIELD];
    next();
  }
}
