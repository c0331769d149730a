import { Network, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HardenedContainer,
  inspect,
  processUid,
  removeContainer,
} from './support/hardened-container.ts';
import { imageOf } from './support/images.ts';

describe.each(['grpc', 'http'] as const)(
  'the images on a user-defined network, frontend → backend over %s',
  (transport) => {
    let network: StartedNetwork;
    let backend: StartedTestContainer;
    let frontend: StartedTestContainer;
    let baseUrl: string;

    beforeAll(async () => {
      network = await new Network().start();
      backend = await new HardenedContainer(imageOf('backend'))
        .withNetwork(network)
        .withNetworkAliases('backend')
        .withEnvironment({ APP_ENV: 'stage' })
        .readyWhenLogged('backend')
        .start();
      frontend = await new HardenedContainer(imageOf('frontend'))
        .withNetwork(network)
        .withEnvironment({
          APP_ENV: 'stage',
          CATALOG_TRANSPORT: transport,
          // Service discovery by network alias: the same names a Kubernetes Service gives.
          CATALOG_GRPC_ADDRESS: 'backend:50051',
          CATALOG_HTTP_URL: 'http://backend:8080',
        })
        .withExposedPorts(3000)
        .readyWhenLogged('frontend')
        .start();
      baseUrl = `http://${frontend.getHost()}:${frontend.getMappedPort(3000)}`;
    });

    afterAll(async () => {
      for (const container of [frontend, backend])
        if (container) removeContainer(container.getId());
      await network?.stop();
    });

    it('serves the product list and a product page with data from the backend', async () => {
      const list = await fetch(`${baseUrl}/`);
      const html = await list.text();

      expect(list.status).toBe(200);
      expect(html).toContain('AeroPress Coffee Maker');
      expect(html).toContain('data-testid="app-env">stage<');
      expect(html).toContain(`via ${transport === 'grpc' ? 'gRPC' : 'HTTP'}`);
      const detail = await fetch(`${baseUrl}/products/brass-pen`);
      expect(detail.status).toBe(200);
      expect(await detail.text()).toContain('<h1>Brass Pen</h1>');
      expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    });

    it('runs both services as a non-root numeric user on a read-only root file system', () => {
      for (const container of [backend, frontend]) {
        const state = inspect(container.getId());
        expect(state.user).toBe('65532:65532');
        expect(state.readOnlyRootfs).toBe(true);
        expect(processUid(container)).toBe(65532);
      }
    });
  },
);
