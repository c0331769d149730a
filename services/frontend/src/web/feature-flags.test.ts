import {
  contractProduct,
  startFakeCatalogBackend,
  type FakeCatalogBackend,
} from '@sample/fake-catalog';
import { createHealth } from '@sample/server-kit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCatalogClient } from '../catalog-client/create-catalog-client.ts';
import { createFeatureFlags, type FeatureFlags } from '../feature-flags.ts';
import { createWebApp } from './web-app.ts';

const flagsFile = (defaultVariant: string) =>
  JSON.stringify({
    flags: {
      'spring-discount': {
        state: 'ENABLED',
        variants: { off: 0, 'ten-percent': 10 },
        defaultVariant,
      },
    },
  });

let backend: FakeCatalogBackend;
let flags: FeatureFlags;
const dir = mkdtempSync(join(tmpdir(), 'flags-'));
const file = join(dir, 'flags.flagd.json');

beforeAll(async () => {
  backend = await startFakeCatalogBackend([
    contractProduct('mug', { price: { currencyCode: 'EUR', units: '39', nanos: 900_000_000 } }),
  ]);
  writeFileSync(file, flagsFile('off'));
  flags = await createFeatureFlags({ file });
});
afterAll(async () => {
  await flags?.close();
  await backend?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function app() {
  const shop = createWebApp({
    catalog: await createCatalogClient({
      transport: 'grpc',
      grpcAddress: backend.grpcAddress,
      httpUrl: backend.httpUrl,
      deadlineMs: 2_000,
    }),
    health: createHealth(),
    log: pino({ level: 'silent' }),
    flags,
    site: { appEnv: 'test', transport: 'gRPC' },
    publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  });
  await shop.ready();
  return shop.server;
}

describe('the spring-discount feature flag', () => {
  it('ships dark: with the flag off, prices are not discounted', async () => {
    const page = await request(await app())
      .get('/products/mug')
      .expect(200);

    expect(page.text).toContain('data-testid="price">&#x20ac;39.90<');
    expect(page.text).not.toContain('data-testid="discount"');
  });

  it('is switched on in the running process by editing the flags file, without a restart', async () => {
    const shop = await app();
    writeFileSync(file, flagsFile('ten-percent'));

    await vi.waitFor(
      async () => {
        const page = await request(shop).get('/products/mug').expect(200);
        expect(page.text).toContain('data-testid="price">&#x20ac;35.91<');
      },
      { timeout: 20_000, interval: 500 },
    );
    const list = await request(shop).get('/').expect(200);
    expect(list.text).toContain('<s class="old-price">&#x20ac;39.90</s>');
    expect(list.text).toContain('data-testid="discount">&minus;10 %<');
  });
});

describe('createFeatureFlags', () => {
  it('falls back to the default (no discount) when the file holds a nonsense value', async () => {
    const other = join(dir, 'bad.flagd.json');
    writeFileSync(
      other,
      JSON.stringify({
        flags: {
          'spring-discount': { state: 'ENABLED', variants: { huge: 250 }, defaultVariant: 'huge' },
        },
      }),
    );
    const bad = await createFeatureFlags({ file: other });

    expect(bad.discountPercent()).toBe(0);
    await bad.close();
  });
});
