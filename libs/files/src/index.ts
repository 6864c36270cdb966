export * from './file-cipher';
export * from './file-keyring';
export * from './file-name';
export * from './file-store';
export { DEFAULT_PDF_TEXT_LIMITS, type PdfText, type PdfTextLimits, PdfTextReader } from './pdf-text';
export * from './files.module';
export * from './postgres-file-store';
export * from './upload-validator';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-archive';
