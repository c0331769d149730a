// `npm run bench`: the cost of splitting, measured. Builds the production bundles, then starts every
// scenario (the shop's pages and APIs, and reference floors) as fresh processes on loopback, warms
// each up, and drives load at them in short slices taken in turn, reading the servers' own CPU time
// and peak memory. The whole suite runs twice to show the noise. Then start-to-ready, `nx serve` to
// first page, and image sizes when a Docker engine answers. See docs/performance.md.
//   npm run bench -- [--duration=10] [--slice=2] [--warmup=6] [--connections=16] [--runs=2]
//                    [--instances=2] [--only=id,id]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fixed, markdownTable, megabytes } from './format-table.ts';
import { builtImage, dockerEngineAvailable } from './image-sizes.ts';
import { measureInterleaved, type Measurement } from './measure-interleaved.ts';
import { timeNxServeToFirstPage } from './nx-serve-first-page.ts';
import { instanceRange, ratiosOf, withinBudget } from './ratios.ts';
import { productionStart, scenarios } from './scenarios.ts';
import { codeCacheVerdict, measureStartup, type StartupTimes } from './startup-time.ts';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const outDir = join(workspaceRoot, 'tmp/bench');
const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '6' },
    slice: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    runs: { type: 'string', default: '2' },
    instances: { type: 'string', default: '2' },
    'startup-runs': { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const load = {
  durationSeconds: Number(options.duration),
  warmupSeconds: Number(options.warmup),
  sliceSeconds: Number(options.slice),
  connections: Number(options.connections),
  instances: Number(options.instances),
};
const only = options.only?.split(',');
const unknown = only?.filter((id) => !scenarios.some((scenario) => scenario.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(
    `--only: no scenario ${unknown.join(', ')}; the scenarios are ${scenarios.map((s) => s.id).join(', ')}`,
  );
  process.exit(2);
}
const selected = scenarios.filter((scenario) => !only || only.includes(scenario.id));
const budget = { startupMs: 300, peakRssBytes: 150 * 1024 * 1024 };
const serviceNames = ['backend', 'frontend'] as const;

const docker = dockerEngineAvailable();
// The bundles and their compile caches, as the images hold them (and the images, with an engine).
const buildTarget = docker ? 'container' : 'compile-cache';
console.log(`Building the production bundles (npx nx run-many -t ${buildTarget})…`);
execFileSync('npx', ['nx', 'run-many', '-t', buildTarget, '-p', ...serviceNames], {
  cwd: workspaceRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_NO_CLOUD: 'true' },
});

console.log(
  `\nLoad: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s measured per instance in ${load.sliceSeconds} s slices taken in turn, ${load.instances} instances (fresh processes) per scenario pooled, on loopback (autocannon; grpc-js for gRPC). CPU = the servers' own user+system time (/proc), frontend + backend.`,
);
const runs: Record<string, Measurement>[] = [];
for (let run = 1; run <= Number(options.runs); run++) {
  const results = await measureInterleaved(
    selected,
    { workspaceRoot, logsDir: join(outDir, 'logs') },
    load,
  );
  runs.push(results);
  console.log(`\n### Run ${run}\n`);
  console.log(
    markdownTable(
      [
        'scenario',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'CPU µs/req',
        'split',
        'by instance',
        'peak RSS',
      ],
      selected.map(({ id, title }) => {
        const m = results[id]!;
        return [
          title,
          fixed(m.requestsPerSecond),
          fixed(m.p50Ms, 2),
          fixed(m.p99Ms, 2),
          String(m.errors),
          fixed(m.cpuMicrosPerRequest),
          Object.values(m.cpuMicrosPerRequestByProcess).length > 1
            ? Object.values(m.cpuMicrosPerRequestByProcess)
                .map((v) => fixed(v))
                .join(' + ')
            : '',
          m.cpuMicrosPerRequestByInstance.map((v) => fixed(v)).join(' / '),
          Object.values(m.peakRssBytes).map(megabytes).join(' + '),
        ];
      }),
    ),
  );
  const ratios = ratiosOf(results, { measuredOnly: Boolean(only) });
  if (ratios.length > 0) {
    console.log('');
    console.log(
      markdownTable(
        ['ratio (same run)', 'value', 'by instance', 'budget'],
        ratios.map((ratio) => [
          ratio.label,
          fixed(ratio.value, 2),
          instanceRange(ratio),
          ratio.budget
            ? `${ratio.budget.kind} ${ratio.budget.limit}: ${withinBudget(ratio) ? 'met' : 'MISSED'}`
            : '',
        ]),
      ),
    );
  }
}

console.log(`\n### Start-to-ready (production bundle, median of ${options['startup-runs']})\n`);
const startup: Record<string, StartupTimes> = {};
const codeCache: Record<string, string> = {};
for (const service of serviceNames) {
  const { args, env } = productionStart(workspaceRoot, service);
  const start = {
    command: process.execPath,
    args,
    // The frontend is ready without its backend; an unreachable address makes that explicit.
    env: { ...env, CATALOG_GRPC_ADDRESS: '127.0.0.1:1' },
    readyMessage: new RegExp(`^${service} ready$`),
  };
  codeCache[service] = await codeCacheVerdict(start);
  startup[service] = await measureStartup(start, Number(options['startup-runs']));
}
const containerStartup: Record<string, StartupTimes> = {};
if (docker) {
  for (const service of serviceNames) {
    containerStartup[service] = await measureStartup(
      {
        command: 'docker',
        args: [
          'run',
          '--rm',
          '--read-only',
          '-e',
          'CATALOG_GRPC_ADDRESS=127.0.0.1:1',
          builtImage(workspaceRoot, service).image,
        ],
        env: {},
        readyMessage: new RegExp(`^${service} ready$`),
      },
      Number(options['startup-runs']),
    );
  }
}
console.log(
  markdownTable(
    [
      'service',
      'median ms',
      'min',
      'max',
      'code cache',
      ...(docker ? ['in a container (docker run)'] : []),
    ],
    serviceNames.map((service) => [
      service,
      fixed(startup[service]!.medianMs),
      fixed(startup[service]!.minMs),
      fixed(startup[service]!.maxMs),
      // Anything but "accepted" means the figure is not the image's (a stale or missing cache).
      codeCache[service] === 'accepted' ? 'accepted' : `${codeCache[service]!.toUpperCase()}`,
      ...(docker ? [`${fixed(containerStartup[service]!.medianMs)} ms`] : []),
    ]),
  ),
);

console.log('\n### `npx nx serve frontend` → first page with products\n');
let nxServeMs: number | undefined;
try {
  nxServeMs = await timeNxServeToFirstPage(workspaceRoot);
  console.log(`${fixed(nxServeMs)} ms`);
} catch (err) {
  console.log(`not measured: ${(err as Error).message}`);
}

const images = docker ? serviceNames.map((service) => builtImage(workspaceRoot, service)) : [];
console.log('\n### Images\n');
console.log(
  docker
    ? images.map(({ image, bytes }) => `${image}: ${(bytes / 1e6).toFixed(1)} MB`).join('\n')
    : 'no Docker engine: image sizes not measured',
);

// The budget, over every run. Peak RSS as the images run (not on Node's defaults).
const scenarioOf = (m: Measurement) => scenarios.find((s) => s.id === m.scenario);
const shopRuns = runs.flatMap((results) =>
  Object.values(results).filter((m) => scenarioOf(m)?.kind === 'shop'),
);
const peakRss = Object.fromEntries(
  serviceNames.map((service) => [
    service,
    Math.max(
      0,
      ...shopRuns.filter((m) => !scenarioOf(m)?.runtime).map((m) => m.peakRssBytes[service] ?? 0),
    ),
  ]),
);
const checks: [string, boolean][] = [
  // With --only, the budget ratios of the scenarios measured.
  ...runs.flatMap((results, i) =>
    ratiosOf(results, { measuredOnly: Boolean(only) })
      .filter((ratio) => ratio.budget)
      .map((ratio): [string, boolean] => [
        `run ${i + 1}: ${ratio.label} = ${fixed(ratio.value, 2)} (${ratio.budget!.kind} ${ratio.budget!.limit}${ratio.byInstance ? `; single instances ${instanceRange(ratio)}` : ''})`,
        withinBudget(ratio)!,
      ]),
  ),
  ...serviceNames.map((service): [string, boolean] => [
    `${service} start-to-ready ${fixed(startup[service]!.medianMs)} ms (at most ${budget.startupMs}; code cache ${codeCache[service]})`,
    startup[service]!.medianMs <= budget.startupMs,
  ]),
  // Only what was measured: with --only and no shop scenario, no RSS or error line.
  ...serviceNames
    .filter((service) => peakRss[service]! > 0)
    .map((service): [string, boolean] => [
      `${service} peak RSS under load ${megabytes(peakRss[service]!)} (at most ${megabytes(budget.peakRssBytes)})`,
      peakRss[service]! <= budget.peakRssBytes,
    ]),
  ...(shopRuns.length > 0
    ? [
        [
          `errors in the shop's scenarios: ${shopRuns.reduce((sum, m) => sum + m.errors, 0)} (0)`,
          shopRuns.every((m) => m.errors === 0),
        ] as [string, boolean],
      ]
    : []),
];
console.log('\n### Budget\n');
for (const [label, met] of checks) console.log(`${met ? 'met   ' : 'MISSED'}  ${label}`);
console.log(`\n${checks.filter(([, met]) => met).length} of ${checks.length} budget lines met.`);

mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'results.json'),
  `${JSON.stringify({ load, runs, startup, codeCache, containerStartup, nxServeMs, images, peakRss }, null, 2)}\n`,
);
console.log(`Raw results: tmp/bench/results.json; service logs: tmp/bench/logs/`);
