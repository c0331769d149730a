import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environments } from './support/render.ts';

const script = fileURLToPath(new URL('../../tools/k8s/local-cluster.sh', import.meta.url));

describe('the local-cluster deploy script', () => {
  it('passes shellcheck', () => {
    const result = spawnSync('shellcheck', [script], { encoding: 'utf8' });

    expect(
      result.error,
      'shellcheck must be installed (apt-get install shellcheck)',
    ).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('prints its usage and exits 2 when called without a command', () => {
    const result = spawnSync('bash', [script], { encoding: 'utf8' });

    expect(result.status).toBe(2);
    expect(result.stdout).toContain('local-cluster.sh deploy dev');
  });

  it('pushes images under the names and tags every overlay deploys', () => {
    const text = readFileSync(script, 'utf8');
    const pushed =
      /docker push "localhost:\$\{REGISTRY_PORT\}\/\$\{service\}:\$\{version\}"/.test(text) &&
      /REGISTRY_PORT=(\d+)/.exec(text)?.[1];
    for (const environment of environments) {
      const rendered = execFileSync(
        'kubectl',
        ['kustomize', fileURLToPath(new URL(`../overlays/${environment}`, import.meta.url))],
        { encoding: 'utf8' },
      );
      for (const service of ['backend', 'frontend']) {
        const version = JSON.parse(
          readFileSync(
            fileURLToPath(new URL(`../../services/${service}/package.json`, import.meta.url)),
            'utf8',
          ),
        ).version;
        expect(rendered).toContain(`image: localhost:${pushed}/${service}:${version}`);
      }
    }
  });
});
