// Measures start-to-ready of a service: the wall time from spawning `node <entry>` (or `docker run
// <image>`) to its ready log line, repeated; prints the median, min and max. No timed test asserts
// this: it is a measurement.
//   node tools/scripts/measure-startup.ts services/backend/dist/main.js [runs=10] [node args…]
//   node tools/scripts/measure-startup.ts docker:backend:0.1.0 [runs=10]
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const [entry, runsArg = '10', ...nodeArgs] = process.argv.slice(2);
if (!entry) throw new Error('usage: measure-startup.ts <entry> [runs] [node args…]');

async function once(): Promise<number> {
  const started = performance.now();
  const image = entry!.startsWith('docker:') ? entry!.slice('docker:'.length) : undefined;
  const [command, args] = image
    ? ['docker', ['run', '--rm', '--read-only', '-e', 'CATALOG_GRPC_ADDRESS=127.0.0.1:1', image]]
    : [process.execPath, [...nodeArgs, entry!]];
  const child = spawn(command, args, {
    env: {
      PATH: process.env['PATH'] ?? '',
      ...(process.env['NODE_COMPILE_CACHE'] && {
        NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'],
      }),
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      CATALOG_GRPC_ADDRESS: '127.0.0.1:1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const elapsed = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (/"msg":"\w+ ready"/.test(line)) resolve(performance.now() - started);
    });
    child.once('exit', (code) =>
      reject(new Error(`${entry} exited with ${code} before it was ready`)),
    );
  });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

const times: number[] = [];
for (let i = 0; i < Number(runsArg); i++) times.push(await once());
times.sort((a, b) => a - b);
const median =
  times.length % 2
    ? times[(times.length - 1) / 2]!
    : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
console.log(
  `${entry}: start-to-ready median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}, ${times.length} runs)`,
);
