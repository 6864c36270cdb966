/**
 * `npm run keys:rotate [-- <oldKeyId>]`: re-encrypts every stored file under the current
 * key (the first of FILE_ENCRYPTION_KEYS). Put the new key first, keep the old one in the
 * list while this runs (reads still work meanwhile: no downtime), then drop the old key.
 */
import 'reflect-metadata';
import { FileStore } from '@klausul/files';
import { createApiApplication, prepareRuntime } from '@klausul/runtime';

async function main(): Promise<void> {
  const runtime = await prepareRuntime(process.env);
  // The API's context without workers or HTTP listener: this script processes no jobs.
  const app = await createApiApplication({ ...runtime, config: { ...runtime.config, runWorkerInProcess: false } });
  await app.init();
  try {
    const fromKeyId = process.argv[2];
    const count = await app.get(FileStore, { strict: false }).reencryptAll(fromKeyId);
    runtime.logger.info({ count, fromKeyId: fromKeyId ?? 'any other key' }, `re-encrypted ${count} file(s) under the current key`);
  } finally {
    await app.close();
    await runtime.embeddedDatabase?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`keys:rotate failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
