import { credentials, Metadata } from '@grpc/grpc-js';
import { CatalogServiceClient } from '@sample/catalog-contract';
import { runServiceToExit, startServiceProcess, type ServiceProcess } from '@sample/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = (service: string) =>
  fileURLToPath(new URL(`../../${service}/src/main.ts`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mtls-'));
const file = (name: string) => join(dir, name);
const started: ServiceProcess[] = [];

/** A throw-away CA and two certificates it signs: the backend's (for 127.0.0.1) and the frontend's. */
function makeCertificates(): void {
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=sample test CA',
  );
  for (const [name, extensions] of [
    ['backend', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth'],
    ['frontend', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    );
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
}

let backend: ServiceProcess;
let grpcAddress: string;
beforeAll(async () => {
  makeCertificates();
  backend = await startServiceProcess({
    entry: entry('backend'),
    env: {
      HOST: '127.0.0.1',
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_TLS_CERT_FILE: file('backend.crt'),
      GRPC_TLS_KEY_FILE: file('backend.key'),
      GRPC_TLS_CA_FILE: file('ca.crt'),
    },
    readyMessage: 'backend ready',
  });
  started.push(backend);
  grpcAddress = (backend.ready as { grpcAddress: string }).grpcAddress;
});
afterAll(async () => {
  await Promise.all(started.map((service) => service.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

async function frontendPage(tls: Record<string, string>): Promise<number> {
  const frontend = await startServiceProcess({
    entry: entry('frontend'),
    env: {
      HOST: '127.0.0.1',
      HTTP_PORT: '0',
      CATALOG_GRPC_ADDRESS: grpcAddress,
      CATALOG_DEADLINE_MS: '3000',
      ...tls,
    },
    readyMessage: 'frontend ready',
  });
  started.push(frontend);
  return (await fetch(`${(frontend.ready as { httpUrl: string }).httpUrl}/products/brass-pen`))
    .status;
}

describe('mutual TLS between frontend and backend (gRPC)', () => {
  it('serves pages when the frontend presents a certificate signed by the CA', async () => {
    const tls = {
      CATALOG_GRPC_TLS_CERT_FILE: file('frontend.crt'),
      CATALOG_GRPC_TLS_KEY_FILE: file('frontend.key'),
      CATALOG_GRPC_TLS_CA_FILE: file('ca.crt'),
    };

    expect(await frontendPage(tls)).toBe(200);
  });

  it('refuses a plaintext frontend: its pages answer 503', async () => {
    expect(await frontendPage({})).toBe(503);
  });

  it('refuses a TLS client without a client certificate', async () => {
    const client = new CatalogServiceClient(
      grpcAddress,
      credentials.createSsl(readFileSync(file('ca.crt'))),
    );
    const code = await new Promise<number>((resolve) =>
      client.getProduct(
        { id: 'brass-pen' },
        new Metadata(),
        { deadline: Date.now() + 3_000 },
        (error) => resolve(error?.code ?? 0),
      ),
    );
    client.close();

    expect(code).not.toBe(0);
  });

  it('stops at start-up when the TLS files are only partly configured', async () => {
    const result = await runServiceToExit({
      entry: entry('backend'),
      env: {
        HOST: '127.0.0.1',
        HTTP_PORT: '0',
        GRPC_PORT: '0',
        GRPC_TLS_CERT_FILE: file('backend.crt'),
      },
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'GRPC_TLS_KEY_FILE (environment): is required when TLS is configured',
    );
    expect(result.stderr).toContain('GRPC_TLS_CA_FILE');
  });
});
