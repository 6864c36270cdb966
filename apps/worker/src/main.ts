import 'reflect-metadata';
import { createWorkerApplication, failStartup, prepareRuntime, stopOnSignals, type Runtime } from '@klausul/runtime';

async function main(): Promise<void> {
  let runtime: Runtime | undefined;
  try {
    runtime = await prepareRuntime(process.env, { allowEmbeddedDatabase: false });
    const app = await createWorkerApplication(runtime);
    stopOnSignals(runtime, () => app.close());
    await app.init();
    runtime.logger.info({ queueBackend: runtime.config.queue.backend }, 'Klausul worker is running');
  } catch (error) {
    await failStartup(runtime, error);
  }
}

void main();
