import {
  createProtoCatalogClient,
  startServiceProcess,
  type ServiceProcess,
} from '@sample/testing';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments, named, render, type KubeObject } from './support/render.ts';
import type { Container, Deployment, Probe } from './support/types.ts';

// The real services, started from their sources on free ports, answer the probes as the manifests
// declare them: the path, the port (by name or number, resolved to the port the ConfigMap makes the
// service listen on) and, for gRPC, the health service name.
const entry = (service: string) =>
  fileURLToPath(new URL(`../../services/${service}/src/main.ts`, import.meta.url));
let backend: ServiceProcess;
let frontend: ServiceProcess;

beforeAll(async () => {
  backend = await startServiceProcess({
    entry: entry('backend'),
    env: { HOST: '127.0.0.1', HTTP_PORT: '0', GRPC_PORT: '0' },
    readyMessage: 'backend ready',
  });
  const { grpcAddress } = backend.ready as { grpcAddress: string };
  frontend = await startServiceProcess({
    entry: entry('frontend'),
    env: {
      HOST: '127.0.0.1',
      HTTP_PORT: '0',
      CATALOG_GRPC_ADDRESS: grpcAddress,
    },
    readyMessage: 'frontend ready',
  });
});
afterAll(async () => {
  await Promise.all([frontend?.stop(), backend?.stop()]);
});

/** Where the running service listens for the port a probe names, given the ConfigMap's ports. */
function listenerFor(
  service: string,
  container: Container,
  config: Record<string, string>,
  port: string | number,
): string {
  const declared = container.ports!.find((p) => p.name === port || p.containerPort === port);
  expect(declared, `${service}: probe port ${port} is not a declared container port`).toBeDefined();
  const running = (service === 'backend' ? backend : frontend).ready as {
    httpUrl: string;
    grpcAddress?: string;
  };
  if (declared!.containerPort === Number(config['HTTP_PORT'])) return running.httpUrl;
  if (declared!.containerPort === Number(config['GRPC_PORT'])) return running.grpcAddress!;
  throw new Error(
    `${service}: container port ${declared!.containerPort} is not a port the service listens on`,
  );
}

describe.each(environments)('the probes of the %s overlay', (environment) => {
  const objects = render(environment);

  it.each(['backend', 'frontend'])(
    '%s: every probe gets a healthy answer from the running service',
    async (service) => {
      const deployment = named<Deployment>(objects, 'Deployment', service);
      const config = named<KubeObject & { data: Record<string, string> }>(
        objects,
        'ConfigMap',
        `${service}-config`,
      ).data;
      const container = deployment.spec.template.spec.containers[0]!;
      const probes = [
        container.startupProbe,
        container.readinessProbe,
        container.livenessProbe,
      ].filter(Boolean) as Probe[];

      expect(probes).toHaveLength(3);
      for (const probe of probes) {
        if (probe.httpGet) {
          const response = await fetch(
            `${listenerFor(service, container, config, probe.httpGet.port)}${probe.httpGet.path}`,
          );
          expect(response.status, `${service} ${probe.httpGet.path}`).toBe(200);
        } else if (probe.grpc) {
          const client = createProtoCatalogClient(
            listenerFor(service, container, config, probe.grpc.port),
          );
          expect(await client.health(probe.grpc.service ?? '')).toEqual({ status: 'SERVING' });
          client.close();
        } else {
          throw new Error(`${service}: a probe with neither httpGet nor grpc`);
        }
      }
    },
  );
});
