import { WorkerHeartbeat1763880000000 } from './1763880000000-worker-heartbeat';

/**
 * Every migration, in order. Listed explicitly (not globbed) because the apps are
 * bundled by webpack, where a glob over .ts files would find nothing.
 */
export const migrations = [WorkerHeartbeat1763880000000];
