import { spawn, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  // Without these Chromium waits on network services this machine cannot reach.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the built SPA is made from; a dist older than any of them is stale. */
const spaSources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

export function chromiumInstallHint(): string {
  return [
    `Chromium is missing: ${chromiumPath} does not exist.`,
    'The e2e tests drive the Chromium of the Debian package (never a browser downloaded from npm).',
    'Install it as root:',
    '',
    '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
    '',
  ].join('\n');
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist must be rebuilt, or null when it is newer than every source of the SPA. */
export function staleDistReason(): string | null {
  if (process.env.E2E_REBUILD === '1') return 'E2E_REBUILD=1';
  if (!existsSync('dist/index.html')) return 'dist/index.html does not exist';
  const built = statSync('dist/index.html').mtimeMs;
  const newer = spaSources.find((source) => newestMtime(source) > built);
  return newer ? `${newer} changed after the last build` : null;
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A request-log line of a request that went well: hundreds of them would bury the one error. */
function isSuccessfulRequest(line: string): boolean {
  try {
    const entry = JSON.parse(line) as { method?: unknown; status?: unknown };
    return typeof entry.method === 'string' && typeof entry.status === 'number' && entry.status < 400;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningServer {
  baseUrl: string;
  logPath: string;
  /** The server's DATA_DIR, for commands that read its database afterwards. */
  dataDir: string;
  /** The last lines the server printed, less the requests that succeeded, for a failure report. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * The real server (`tsx server/main.ts`) on a free port over a fresh SQLite file in a temporary
 * DATA_DIR, so it seeds the demo data exactly as a first start in production does.
 */
export async function startServer(readyTimeoutMs: number): Promise<RunningServer> {
  const workDir = mkdtempSync(join(tmpdir(), 'verity-e2e-server-'));
  const dataDir = join(workDir, 'data');
  const logPath = join(workDir, 'server.log');
  const port = await freePort();
  // The checks run against the seed's doctors as planted; the sweep is tested on its own.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DOCTOR_SWEEP: 'off',
  };
  // CI exports a PostgreSQL URL for the API tests; the e2e run owns its throwaway SQLite instead.
  delete env.DATABASE_URL;

  const log = createWriteStream(logPath);
  // Its own process group, so that stopping it also stops the node process tsx starts under it.
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      resolve();
    });
    child.on('error', (error) => {
      exited = `could not start: ${error.message}`;
      resolve();
    });
  });

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the whole group is already gone.
    }
  };
  // Last resort when the runner exits before stop() (a second Ctrl-C, process.exit elsewhere).
  const onExit = () => {
    killGroup('SIGKILL');
    if (process.env.E2E_KEEP_DATA !== '1') rmSync(workDir, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  const logTail = (lines = 40) => {
    if (!existsSync(logPath)) return '';
    const all = readFileSync(logPath, 'utf8').trimEnd().split('\n');
    return all
      .filter((line) => !isSuccessfulRequest(line))
      .slice(-lines)
      .join('\n');
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited === null) {
      killGroup('SIGTERM');
      await Promise.race([exit, sleep(10_000)]);
    }
    killGroup('SIGKILL');
    process.off('exit', onExit);
    log.end();
    if (process.env.E2E_KEEP_DATA !== '1') rmSync(workDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited !== null) {
      const tail = logTail();
      await stop();
      throw new Error(`the server ${exited} before /api/health answered\n${tail}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return { baseUrl, logPath, dataDir, logTail, stop };
      lastProblem = `/api/health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  const tail = logTail();
  await stop();
  throw new Error(`the server was not healthy after ${readyTimeoutMs / 1000} s (${lastProblem})\n${tail}`);
}
