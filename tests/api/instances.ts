import { type ChildProcess, spawn } from 'node:child_process';
import type { SharedTestDb } from './databases';

/** Server processes and commands run on a test database, as they run in production. */

/** The environment that points a process at a shared test database. */
export const instanceEnv = (shared: SharedTestDb): NodeJS.ProcessEnv =>
  shared.db.dialect === 'sqlite'
    ? { DATA_DIR: shared.dataDir, DATABASE_URL: '' }
    : { DATA_DIR: shared.dataDir, DATABASE_URL: shared.location };

export interface Instance {
  process: ChildProcess;
  url: string;
  output: string[];
}

/** Starts `server/main.ts` on a free port and resolves once it says where it listens. */
export function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const failed = (why: string) => reject(new Error(`${why}:\n${output.join('')}`));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const listening = /Verity on (http:\/\/localhost:\d+)/.exec(chunk.toString());
      if (listening) resolve({ process: child, url: listening[1], output });
    });
    child.on('exit', (code) => failed(`the server exited with ${code} before it listened`));
    setTimeout(() => failed('the server did not listen within 60 s'), 60_000).unref();
  });
}

export function stopInstance(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.process.exitCode !== null) return resolve();
    instance.process.once('exit', () => resolve());
    instance.process.kill('SIGTERM');
  });
}
