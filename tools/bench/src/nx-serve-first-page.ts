// The learner's loop: the time from typing `npx nx serve frontend` to the first page with products,
// on free ports (a dev server may already hold the default ones: HTTP ports are picked by the
// services, the frontend's is read from its ready line). Nx and all it starts run in a process
// group of their own, stopped as a whole afterwards.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

export async function timeNxServeToFirstPage(workspaceRoot: string, timeoutMs = 120_000) {
  const grpcPort = await freePort();
  const started = performance.now();
  const nx = spawn('npx', ['nx', 'serve', 'frontend', '--outputStyle=stream'], {
    cwd: workspaceRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: {
      ...process.env,
      NX_NO_CLOUD: 'true',
      HTTP_PORT: '0',
      GRPC_PORT: String(grpcPort),
      CATALOG_GRPC_ADDRESS: `127.0.0.1:${grpcPort}`,
    },
  });
  let frontendUrl: string | undefined;
  createInterface({ input: nx.stdout }).on('line', (line) => {
    if (line.includes('"msg":"frontend ready"'))
      frontendUrl = /"httpUrl":"([^"]+)"/.exec(line)?.[1];
  });
  try {
    while (performance.now() - started < timeoutMs) {
      const page = frontendUrl ? await fetch(`${frontendUrl}/`).catch(() => undefined) : undefined;
      if (page?.ok && (await page.text()).includes('data-testid="product"'))
        return performance.now() - started;
      await sleep(25);
    }
    throw new Error(`no page from \`nx serve frontend\` within ${timeoutMs} ms`);
  } finally {
    try {
      process.kill(-nx.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await sleep(500);
  }
}
