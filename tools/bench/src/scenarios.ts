// What the benchmark measures: the shop's own services (production bundles, production settings)
// and the reference floors, each started as fresh processes, with the load that goes with it.
import { join } from 'node:path';
import { startBenchProcess, type BenchProcess } from './bench-process.ts';
import { readImageSettings, v8FlagsSetOnceStarted } from './image-settings.ts';
import { grpcLoad } from './grpc-load.ts';
import { httpLoad } from './http-load.ts';
import type { LoadGenerator } from './load-result.ts';

export interface ScenarioContext {
  workspaceRoot: string;
  logsDir: string;
}

export interface StartedScenario {
  /** The server processes whose CPU time is the cost of the requests. */
  processes: BenchProcess[];
  load: LoadGenerator;
}

export interface Scenario {
  id: string;
  title: string;
  kind: 'shop' | 'floor';
  /**
   * `node-defaults`: run as plain `node script`, without the image's heap and malloc settings (V8
   * sizes its heap from the host), to be compared with floors run the same way; such a scenario's
   * memory is not the image's, so the budget's RSS line leaves it out.
   */
  runtime?: 'node-defaults';
  start(context: ScenarioContext): Promise<StartedScenario>;
}

/**
 * How the production image starts `service` (node flags, NODE_ENV…), with production settings and
 * logs at info (an access line per request), on free loopback ports.
 */
export function productionStart(workspaceRoot: string, service: 'backend' | 'frontend') {
  const serviceRoot = join(workspaceRoot, 'services', service);
  const image = readImageSettings(join(serviceRoot, 'Dockerfile'));
  return {
    // The script reads its code cache next to it, in dist/ (ADR 015).
    args: [...image.nodeFlags, join(serviceRoot, image.script)],
    env: {
      ...image.env,
      APP_ENV: 'production',
      LOG_LEVEL: 'info',
      HTTP_PORT: '0',
      GRPC_PORT: '0',
    },
    nodeFlags: image.nodeFlags,
  };
}

/** Plain node's settings: no node flags, no malloc settings (ADR 013). */
function onNodeDefaults({ args, env, nodeFlags }: ReturnType<typeof productionStart>) {
  return {
    args: args.slice(nodeFlags.length),
    env: Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('MALLOC_'))),
  };
}

/** How a service runs: as its image runs it, or on Node's defaults. */
type ShopRuntime = 'production' | 'node-defaults';

function serviceStart(
  workspaceRoot: string,
  service: 'backend' | 'frontend',
  runtime: ShopRuntime,
) {
  const start = productionStart(workspaceRoot, service);
  return runtime === 'production' ? start : onNodeDefaults(start);
}

function startBackend(
  { workspaceRoot, logsDir }: ScenarioContext,
  id: string,
  runtime: ShopRuntime = 'production',
) {
  const { args, env } = serviceStart(workspaceRoot, 'backend', runtime);
  return startBenchProcess({
    name: 'backend',
    args,
    env,
    readyMessage: /^backend ready$/,
    logFile: join(logsDir, `${id}.backend.log`),
  });
}

function startFrontend(
  { workspaceRoot, logsDir }: ScenarioContext,
  id: string,
  backend: BenchProcess,
  transport: 'grpc' | 'http',
  runtime: ShopRuntime = 'production',
) {
  const { args, env } = serviceStart(workspaceRoot, 'frontend', runtime);
  return startBenchProcess({
    name: 'frontend',
    args,
    env: {
      ...env,
      CATALOG_TRANSPORT: transport,
      CATALOG_GRPC_ADDRESS: String(backend.ready['grpcAddress']),
      CATALOG_HTTP_URL: String(backend.ready['httpUrl']),
    },
    readyMessage: /^frontend ready$/,
    logFile: join(logsDir, `${id}.frontend.log`),
  });
}

/**
 * How a floor's node runs: `service` with the services' heap and malloc settings (the budget's
 * floors: the same memory rules for the same job), `node-defaults` as plain `node script` does,
 * with V8 sizing its heap from the host's memory, as an independent harness would run it.
 */
type FloorRuntime = 'service' | 'node-defaults';

function startFloor(
  { workspaceRoot, logsDir }: ScenarioContext,
  id: string,
  script: string,
  env: Record<string, string> = {},
  runtime: FloorRuntime = 'service',
) {
  const image = productionStart(workspaceRoot, 'frontend');
  const service = runtime === 'service';
  return startBenchProcess({
    name: script,
    // As `service`, the same heap and malloc settings as the services, so that memory costs the
    // floors what it costs them: the ENTRYPOINT's flags, and the one their main.ts sets once started.
    args: [
      ...(service ? [...image.nodeFlags, ...v8FlagsSetOnceStarted] : []),
      '--conditions=@sample/source',
      join(workspaceRoot, 'tools/bench/src/floors', `${script}.ts`),
    ],
    env: {
      ...env,
      NODE_ENV: 'production',
      ...(service &&
        Object.fromEntries(Object.entries(image.env).filter(([key]) => key.startsWith('MALLOC_')))),
    },
    readyMessage: /^floor ready$/,
    logFile: join(logsDir, `${id}.${script}.log`),
  });
}

const shopPage = (
  transport: 'grpc' | 'http',
  runtime: ShopRuntime = 'production',
): Scenario['start'] =>
  async function start(context) {
    const id = runtime === 'production' ? `page-${transport}` : `page-${transport}.${runtime}`;
    const backend = await startBackend(context, id, runtime);
    const frontend = await startFrontend(context, id, backend, transport, runtime);
    return {
      processes: [frontend, backend],
      load: httpLoad(`${String(frontend.ready['httpUrl'])}/`),
    };
  };

const floorPage = (
  frontendScript: string,
  backendScript?: string,
  runtime: FloorRuntime = 'service',
): Scenario['start'] =>
  async function start(context) {
    const id = runtime === 'service' ? frontendScript : `${frontendScript}.${runtime}`;
    const backend = backendScript
      ? await startFloor(context, id, backendScript, {}, runtime)
      : undefined;
    const frontend = await startFloor(
      context,
      id,
      frontendScript,
      {
        ...(backend?.ready['url'] ? { BACKEND_URL: String(backend.ready['url']) } : {}),
        ...(backend?.ready['grpcAddress']
          ? { BACKEND_GRPC_ADDRESS: String(backend.ready['grpcAddress']) }
          : {}),
      },
      runtime,
    );
    return {
      processes: backend ? [frontend, backend] : [frontend],
      load: httpLoad(`${String(frontend.ready['url'])}/`),
    };
  };

// The suite, in the order its slices are taken (measure-interleaved.ts) and its table is printed:
// each of the shop's scenarios next to the floors it is compared with.
export const scenarios: Scenario[] = [
  { id: 'page-http', title: 'page over HTTP', kind: 'shop', start: shopPage('http') },
  {
    id: 'floor-undici',
    title: 'floor: express → undici Pool → express',
    kind: 'floor',
    start: floorPage('page-undici', 'express-backend'),
  },
  {
    id: 'floor-fastify-undici',
    title: 'floor: Fastify → undici Pool → Fastify',
    kind: 'floor',
    start: floorPage('fastify-page-undici', 'fastify-backend'),
  },
  {
    id: 'floor-undici-node-defaults',
    title: "floor: express → undici Pool → express, Node's default heap",
    kind: 'floor',
    runtime: 'node-defaults',
    start: floorPage('page-undici', 'express-backend', 'node-defaults'),
  },
  {
    id: 'page-http-node-defaults',
    title: "page over HTTP, Node's default heap",
    kind: 'shop',
    runtime: 'node-defaults',
    start: shopPage('http', 'node-defaults'),
  },
  { id: 'page-grpc', title: 'page over gRPC', kind: 'shop', start: shopPage('grpc') },
  {
    id: 'floor-grpc',
    title: 'floor: express → grpc-js → grpc-js',
    kind: 'floor',
    start: floorPage('page-grpc', 'grpc-backend'),
  },
  {
    id: 'floor-grpc-node-defaults',
    title: "floor: express → grpc-js → grpc-js, Node's default heap",
    kind: 'floor',
    runtime: 'node-defaults',
    start: floorPage('page-grpc', 'grpc-backend', 'node-defaults'),
  },
  {
    id: 'page-grpc-node-defaults',
    title: "page over gRPC, Node's default heap",
    kind: 'shop',
    runtime: 'node-defaults',
    start: shopPage('grpc', 'node-defaults'),
  },
  {
    id: 'floor-fetch',
    title: 'floor: naive fetch() per request',
    kind: 'floor',
    start: floorPage('page-fetch', 'express-backend'),
  },
  {
    id: 'backend-http',
    title: 'backend HTTP API alone',
    kind: 'shop',
    async start(context) {
      const backend = await startBackend(context, 'backend-http');
      const url = `${String(backend.ready['httpUrl'])}/v1/products?pageSize=12`;
      return { processes: [backend], load: httpLoad(url) };
    },
  },
  {
    id: 'floor-express-json',
    title: 'floor: bare express JSON backend',
    kind: 'floor',
    async start(context) {
      const backend = await startFloor(context, 'floor-express-json', 'express-backend');
      const url = `${String(backend.ready['url'])}/v1/products?pageSize=12`;
      return { processes: [backend], load: httpLoad(url) };
    },
  },
  {
    id: 'floor-fastify-json',
    title: 'floor: bare Fastify JSON backend',
    kind: 'floor',
    async start(context) {
      const backend = await startFloor(context, 'floor-fastify-json', 'fastify-backend');
      const url = `${String(backend.ready['url'])}/v1/products?pageSize=12`;
      return { processes: [backend], load: httpLoad(url) };
    },
  },
  {
    id: 'backend-grpc',
    title: 'backend gRPC API alone',
    kind: 'shop',
    async start(context) {
      const backend = await startBackend(context, 'backend-grpc');
      return { processes: [backend], load: grpcLoad(String(backend.ready['grpcAddress'])) };
    },
  },
  {
    id: 'floor-grpc-server',
    title: 'floor: bare grpc-js backend',
    kind: 'floor',
    async start(context) {
      const backend = await startFloor(context, 'floor-grpc-server', 'grpc-backend');
      return { processes: [backend], load: grpcLoad(String(backend.ready['grpcAddress'])) };
    },
  },
  {
    id: 'floor-in-process',
    title: 'floor: in-process page (no hop)',
    kind: 'floor',
    start: floorPage('page-in-process'),
  },
  {
    id: 'floor-node-http',
    title: 'floor: bare node:http',
    kind: 'floor',
    start: floorPage('node-http'),
  },
];
