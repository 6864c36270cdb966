import 'reflect-metadata';
import { createApiApplication, failStartup, prepareRuntime, stopOnSignals, type Runtime } from '@klausul/runtime';

async function main(): Promise<void> {
  let runtime: Runtime | undefined;
  try {
    runtime = await prepareRuntime();
    const app = await createApiApplication(runtime);
    stopOnSignals(runtime, () => app.close());
    const { host, port } = runtime.config.http;
    await app.listen(port, host);
    const mode = runtime.config.runWorkerInProcess ? 'API and worker in one process' : 'API only';
    runtime.logger.info(
      { queueBackend: runtime.config.queue.backend, embeddedDatabase: runtime.config.database.embedded },
      `Klausul is running at http://localhost:${port} (${mode}); API docs at http://localhost:${port}/api/docs`,
    );
  } catch (error) {
    await failStartup(runtime, error);
  }
}

void main();
