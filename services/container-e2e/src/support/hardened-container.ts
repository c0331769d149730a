import { execFileSync } from 'node:child_process';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';

/**
 * A container run the way production runs it (and the Kubernetes manifests ask for): read-only root
 * file system, every Linux capability dropped, no privilege escalation, an in-memory /tmp.
 */
export class HardenedContainer extends GenericContainer {
  constructor(image: string) {
    super(image);
    this.hostConfig.ReadonlyRootfs = true;
    this.withDroppedCapabilities('ALL')
      .withSecurityOpt('no-new-privileges')
      .withTmpFs({ '/tmp': 'rw,noexec,nosuid,size=16m' })
      .withLabels({ 'org.sample.test': 'container-e2e' });
  }

  /** Waits for the service's "<name> ready" log line. */
  readyWhenLogged(service: 'backend' | 'frontend'): this {
    return this.withWaitStrategy(Wait.forLogMessage(`"msg":"${service} ready"`)).withStartupTimeout(
      60_000,
    );
  }
}

export interface ContainerState {
  exitCode: number;
  user: string;
  readOnlyRootfs: boolean;
}

/** What the engine knows about a container (works after it stopped, until it is removed). */
export function inspect(containerId: string): ContainerState {
  const [exitCode, user, readOnly] = execFileSync(
    'docker',
    [
      'inspect',
      '--format',
      '{{.State.ExitCode}}|{{.Config.User}}|{{.HostConfig.ReadonlyRootfs}}',
      containerId,
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('|');
  return { exitCode: Number(exitCode), user: user!, readOnlyRootfs: readOnly === 'true' };
}

/** The numeric uid of the container's main process, read from the host. */
export function processUid(container: StartedTestContainer): number {
  const output = execFileSync('docker', ['top', container.getId(), '-o', 'pid,uid'], {
    encoding: 'utf8',
  });
  return Number(output.trim().split('\n')[1]!.trim().split(/\s+/)[1]);
}

/** Sends SIGTERM and waits up to `graceMs` (then SIGKILL, as Kubernetes does); keeps the container for inspection. */
export async function stopGracefully(
  container: StartedTestContainer,
  graceMs = 10_000,
): Promise<{ exitCode: number; tookMs: number }> {
  const started = Date.now();
  await container.stop({ timeout: graceMs, remove: false });
  const tookMs = Date.now() - started;
  const { exitCode } = inspect(container.getId());
  removeContainer(container.getId());
  return { exitCode, tookMs };
}

export function removeContainer(containerId: string): void {
  execFileSync('docker', ['rm', '-f', containerId], { stdio: 'ignore' });
}
