import { execFileSync } from 'node:child_process';

/**
 * Runs once after all container tests, passed or failed: removes every container these tests
 * labelled, and the networks testcontainers created, so a failing test leaves nothing behind.
 */
export default function setup(): () => void {
  return () => {
    const ids = (args: string[]) =>
      execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
    const containers = ids(['ps', '-aq', '--filter', 'label=org.sample.test=container-e2e']);
    if (containers.length > 0)
      execFileSync('docker', ['rm', '-f', ...containers], { stdio: 'ignore' });
    for (const network of ids([
      'network',
      'ls',
      '-q',
      '--filter',
      'label=org.testcontainers=true',
    ])) {
      execFileSync('docker', ['network', 'rm', network], { stdio: 'ignore' });
    }
  };
}
