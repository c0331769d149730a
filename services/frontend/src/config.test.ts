import { ConfigError, loadConfig } from '@sample/config';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frontendConfigSchema } from './config.ts';

const configDir = fileURLToPath(new URL('../config', import.meta.url));
const load = (env: Record<string, string>) => loadConfig(frontendConfigSchema, env, { configDir });

describe('the frontend configuration', () => {
  it.each([
    '127.0.0.1:50051',
    'backend:50051',
    '[::1]:50051',
    'dns:///backend.prod.svc.cluster.local:50051',
    'ipv4:127.0.0.1:5001,127.0.0.1:5002',
  ])('accepts the gRPC target %s', (target) => {
    expect(load({ CATALOG_GRPC_ADDRESS: target }).catalogGrpcAddress).toBe(target);
  });

  it.each(['backend', 'http://backend:50051', 'backend:port', 'ipv4:', 'dns:///backend'])(
    'rejects the gRPC target %s',
    (target) => {
      expect(() => load({ CATALOG_GRPC_ADDRESS: target })).toThrow(ConfigError);
    },
  );

  it('uses the checked-in deadline of each environment unless the environment overrides it', () => {
    expect(load({}).catalogDeadlineMs).toBe(2000);
    expect(load({ APP_ENV: 'production' }).catalogDeadlineMs).toBe(800);
    expect(load({ APP_ENV: 'production', CATALOG_DEADLINE_MS: '1500' }).catalogDeadlineMs).toBe(
      1500,
    );
  });
});
