/** What the benchmarks share: the PostgreSQL server, a scratch database each, and memory readings. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** The server from DATABASE_URL; a benchmark without one stops with a clear line. */
export function benchServerUrl(benchmark: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(`${benchmark} needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)\n`);
    process.exit(2);
  }
  return url;
}

/** Peak resident memory of a process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a fresh database of its own, dropped afterwards whatever happens. */
export async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `klausul_bench_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  try {
    return await work(databaseUrl(serverUrl, name));
  } finally {
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}
