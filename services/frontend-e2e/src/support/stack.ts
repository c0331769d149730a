import { startServiceProcess, type ServiceProcess } from '@sample/testing';
import { fileURLToPath } from 'node:url';

const backendEntry = fileURLToPath(new URL('../../../backend/src/main.ts', import.meta.url));
const frontendEntry = fileURLToPath(new URL('../../../frontend/src/main.ts', import.meta.url));

export interface Stack {
  backend: ServiceProcess;
  frontends: Record<'grpc' | 'http', ServiceProcess>;
  backendHttpUrl: string;
  frontendUrl(transport: 'grpc' | 'http'): string;
  stop(): Promise<void>;
}

/**
 * Starts the real services as processes, exactly as `nx serve` does but on free ports: one backend
 * and one frontend per transport, all pointed at that backend.
 */
export async function startStack({
  appEnv = 'development',
  nodeOptions,
}: { appEnv?: string; nodeOptions?: string } = {}): Promise<Stack> {
  const common = {
    HOST: '127.0.0.1',
    HTTP_PORT: '0',
    APP_ENV: appEnv,
    LOG_LEVEL: 'warn',
    ...(nodeOptions && { NODE_OPTIONS: nodeOptions }),
  };
  const backend = await startServiceProcess({
    entry: backendEntry,
    env: { ...common, GRPC_PORT: '0', LOG_LEVEL: 'info' },
    readyMessage: 'backend ready',
  });
  const started: ServiceProcess[] = [backend];
  try {
    const { httpUrl, grpcAddress } = backend.ready as { httpUrl: string; grpcAddress: string };
    const startFrontend = async (transport: 'grpc' | 'http') => {
      const frontend = await startServiceProcess({
        entry: frontendEntry,
        env: {
          ...common,
          LOG_LEVEL: 'info',
          CATALOG_TRANSPORT: transport,
          CATALOG_GRPC_ADDRESS: grpcAddress,
          CATALOG_HTTP_URL: httpUrl,
        },
        readyMessage: 'frontend ready',
      });
      started.push(frontend);
      return frontend;
    };
    const frontends = { grpc: await startFrontend('grpc'), http: await startFrontend('http') };
    return {
      backend,
      frontends,
      backendHttpUrl: httpUrl,
      frontendUrl: (transport) => (frontends[transport].ready as { httpUrl: string }).httpUrl,
      stop: async () => void (await Promise.all(started.map((service) => service.stop()))),
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop('SIGKILL')));
    throw error;
  }
}
