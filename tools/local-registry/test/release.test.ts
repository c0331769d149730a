import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  publishableLibraries,
  startLocalRegistry,
  workspaceRoot,
  type LocalRegistry,
} from '@sample/testing';

const libraries = publishableLibraries();
/** A library's version in the workspace, e.g. `2.0.0`. */
const versionOf = (library: string): string =>
  JSON.parse(readFileSync(join(workspaceRoot, 'libs', library, 'package.json'), 'utf8')).version;
/** The range a consumer of the current release would declare, e.g. `^2.0.0`. */
const rangeOf = (library: string) => `^${versionOf(library)}`;
const [errorsMajor, errorsMinor] = versionOf('errors').split('.').map(Number) as [number, number];
const nextErrorsMinor = `${errorsMajor}.${errorsMinor + 1}.0`;
const nextErrorsMajor = `${errorsMajor + 1}.0.0`;
let registry: LocalRegistry;
let consumer: string;

beforeAll(async () => {
  registry = await startLocalRegistry();
  consumer = join(registry.scratch, 'consumer');
});
afterAll(() => registry?.stop());

/** A copy of a built library with another version, as a later release would publish it. */
function copyWithVersion(library: string, version: string): string {
  const target = join(registry.scratch, `${library}-${version}`);
  const source = join(workspaceRoot, 'libs', library);
  for (const entry of ['dist', 'src', 'README.md', 'package.json'])
    cpSync(join(source, entry), join(target, entry), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  writeFileSync(join(target, 'package.json'), JSON.stringify({ ...manifest, version }, null, 2));
  return target;
}

function installedVersion(name: string): string {
  return JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'))
    .version;
}

const smokeProgram = `
import { credentials, Server } from '@grpc/grpc-js';
import { CatalogServiceClient, CatalogServiceService, Product } from '@sample/catalog-contract';
import { loadConfig, serverSettings } from '@sample/config';
import { NotFoundError, toGrpcError } from '@sample/errors';
import { createFastifyApp, createHealth, listenGrpc, listenHttp, opsRoutes } from '@sample/server-kit';

const config = loadConfig(serverSettings({ httpPort: 0 }), { HTTP_PORT: '0' }, { configDir: process.cwd(), readFile: () => '{}' });
const health = createHealth({ checks: { always: async () => {} } });
const app = createFastifyApp({ maxBodyBytes: 1024 }).register(opsRoutes, { health });
const http = await listenHttp(app, { host: config.host, port: config.httpPort });
const healthz = await fetch(http.url + '/healthz');
const readyz = await (await fetch(http.url + '/readyz')).json();

const server = new Server();
server.addService(CatalogServiceService, {
  getProduct: (call, callback) =>
    call.request.id === 'mug'
      ? callback(null, Product.fromPartial({ id: 'mug', name: 'Mug', price: { currencyCode: 'EUR', units: '9007199254740993', nanos: 0 } }))
      : callback(toGrpcError(new NotFoundError('no such product')), null),
  listProducts: (_call, callback) => callback(null, { products: [], nextPageToken: '' }),
});
const grpc = await listenGrpc(server, { host: '127.0.0.1', port: 0 });
const client = new CatalogServiceClient(grpc.address, credentials.createInsecure());
const call = (id) => new Promise((resolve) => client.getProduct({ id }, (error, product) => resolve(error ? { code: error.code } : Product.toJSON(product))));
const found = await call('mug');
const missing = await call('nope');
client.close();
await Promise.all([http.close(1000), grpc.close(1000)]);
console.log(JSON.stringify({ healthzStatus: healthz.status, readyz, found, missing }));
`;

describe('the libraries, released to a local registry', () => {
  it('publishes every publishable library at its current version', () => {
    for (const library of libraries) {
      const result = registry.npm(
        ['publish', join(workspaceRoot, 'libs', library), `--registry=${registry.url}/`],
        registry.scratch,
      );
      expect(result.code, result.stderr).toBe(0);
    }
    const published = registry.npm(
      ['view', '@sample/server-kit', 'version', 'dependencies', '--json'],
      registry.scratch,
    );
    expect(JSON.parse(published.stdout)).toMatchObject({
      version: versionOf('server-kit'),
      dependencies: { '@sample/config': rangeOf('config') },
    });
  });

  it('installs them by semver range into an empty project outside the workspace, and they work', () => {
    mkdirSync(consumer, { recursive: true });
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({
        name: 'release-smoke-consumer',
        private: true,
        type: 'module',
        dependencies: {
          '@sample/catalog-contract': rangeOf('catalog-contract'),
          '@sample/config': rangeOf('config'),
          '@sample/errors': rangeOf('errors'),
          '@sample/server-kit': rangeOf('server-kit'),
          '@grpc/grpc-js': '^1.14.7',
          fastify: '^5.0.0',
        },
      }),
    );
    writeFileSync(join(consumer, 'smoke.mjs'), smokeProgram);

    const install = registry.npm(['install', '--prefer-offline'], consumer);
    expect(install.code, install.stderr).toBe(0);
    const smoke = spawnSync(process.execPath, ['smoke.mjs'], {
      cwd: consumer,
      encoding: 'utf8',
      timeout: 30_000,
    });

    expect(smoke.status, smoke.stderr).toBe(0);
    expect(JSON.parse(smoke.stdout)).toEqual({
      healthzStatus: 200,
      readyz: { status: 'ready', checks: { always: 'ok' } },
      found: {
        id: 'mug',
        name: 'Mug',
        description: '',
        price: { currencyCode: 'EUR', units: '9007199254740993', nanos: 0 },
      },
      missing: { code: 5 },
    });
    expect(installedVersion('@sample/errors')).toBe(versionOf('errors'));
  });

  it('hands a caret-range consumer a new MINOR, but never a new MAJOR', () => {
    expect(
      registry.npm(
        ['publish', copyWithVersion('errors', nextErrorsMinor), `--registry=${registry.url}/`],
        registry.scratch,
      ).code,
    ).toBe(0);
    expect(registry.npm(['update'], consumer).code).toBe(0);
    expect(installedVersion('@sample/errors')).toBe(nextErrorsMinor);

    expect(
      registry.npm(
        ['publish', copyWithVersion('errors', nextErrorsMajor), `--registry=${registry.url}/`],
        registry.scratch,
      ).code,
    ).toBe(0);
    expect(registry.npm(['update'], consumer).code).toBe(0);
    expect(installedVersion('@sample/errors')).toBe(nextErrorsMinor);
    const versions = registry.npm(
      ['view', '@sample/errors', 'versions', '--json'],
      registry.scratch,
    );
    expect(JSON.parse(versions.stdout)).toEqual([
      versionOf('errors'),
      nextErrorsMinor,
      nextErrorsMajor,
    ]);
  });

  it('refuses to publish a version that already exists, with a clear error', () => {
    const again = registry.npm(
      ['publish', join(workspaceRoot, 'libs', 'config'), `--registry=${registry.url}/`],
      registry.scratch,
    );

    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/E409|already present|cannot publish over/i);
  });

  it('never proxies the @sample scope to a public registry, while other packages are proxied', () => {
    const config = readFileSync(join(workspaceRoot, 'tools/local-registry/config.yaml'), 'utf8');
    const block = (key: string) => config.split(`  '${key}':\n`)[1]?.split(/\n {2}'/)[0] ?? '';

    expect(block('@sample/*')).toContain('publish: $all');
    expect(block('@sample/*')).not.toMatch(/proxy:/);
    expect(block('**')).toMatch(/proxy: npmjs/);
  });
});

describe('the set of released libraries', () => {
  it('is every library tagged publishable, and never the private test helpers', () => {
    expect(libraries).toEqual(['catalog-contract', 'config', 'errors', 'resilience', 'server-kit']);
  });
});
