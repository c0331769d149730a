import { millisecondsSchema, serverSettings, setting, tlsFileSettings } from '@sample/config';
import { z } from 'zod';

/** The frontend's configuration: every key, its environment variable, default and meaning. */
export const frontendConfigSchema = {
  ...serverSettings({ httpPort: 3000 }),
  // Mutual TLS to the backend's gRPC listener: the frontend's client certificate, and the CA the
  // backend's certificate must be signed by. All three, or none.
  ...tlsFileSettings('CATALOG_GRPC_TLS'),
  catalogTransport: setting({
    env: 'CATALOG_TRANSPORT',
    schema: z.enum(['grpc', 'http'], { error: 'expected grpc or http' }),
    default: 'grpc',
    doc: 'how the frontend calls the catalog backend',
  }),
  catalogGrpcAddress: setting({
    env: 'CATALOG_GRPC_ADDRESS',
    schema: z
      .string()
      .regex(
        /^(?:(?:dns:\/\/\/)?(?:\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5}|ipv[46]:(?:(?:\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5},?)+)$/,
        'expected host:port, dns:///host:port or ipv4:host:port,host:port',
      ),
    default: '127.0.0.1:50051',
    doc: 'the backend gRPC target: host:port, or several backends (ipv4:a:port,b:port, dns:///name:port) balanced round-robin',
  }),
  catalogHttpUrl: setting({
    env: 'CATALOG_HTTP_URL',
    schema: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    default: 'http://127.0.0.1:8080',
    doc: 'the backend HTTP base URL',
  }),
  featureFlagsFile: setting({
    env: 'FEATURE_FLAGS_FILE',
    schema: z.string().min(1, 'expected the path of a flagd flags file'),
    default: 'flags/development.flagd.json',
    doc: 'the flagd-format flags file (relative to the service folder, or absolute, e.g. a mounted ConfigMap); watched for changes',
  }),
  catalogDeadlineMs: setting({
    env: 'CATALOG_DEADLINE_MS',
    schema: millisecondsSchema,
    default: 1000,
    doc: 'deadline of every call to the backend',
  }),
};
