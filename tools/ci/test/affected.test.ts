import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `nx affected` decides what CI builds and tests. These cases run it in a throw-away clone of this
// repository, one commit per change, exactly as CI compares a branch with its base.
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
let clone: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
}

function commitChange(files: string[], message: string): void {
  for (const file of files)
    appendFileSync(
      join(clone, file),
      '\n// a change\n'.replace('//', file.endsWith('.md') ? '' : '//'),
    );
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

function affectedProjects(): string[] {
  const output = execFileSync(
    process.execPath,
    [
      join(clone, 'node_modules/nx/dist/bin/nx.js'),
      'show',
      'projects',
      '--affected',
      '--base=HEAD~1',
      '--head=HEAD',
      '--json',
    ],
    {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    },
  );
  return (JSON.parse(output) as string[]).sort();
}

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'affected-'));
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, clone]);
  symlinkSync(join(workspaceRoot, 'node_modules'), join(clone, 'node_modules'));
  git('config', 'user.email', 'ci@example.invalid');
  git('config', 'user.name', 'affected test');
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('nx affected', () => {
  it('after a backend-only change: the backend and what runs it (its e2e, container and Kubernetes checks)', () => {
    commitChange(['services/backend/src/domain/catalog.ts'], 'fix(backend): a change');

    expect(affectedProjects()).toEqual(['backend', 'container-e2e', 'frontend-e2e', 'k8s']);
  });

  it('after a library change: the library and everything that depends on it, nothing else', () => {
    commitChange(['libs/config/src/setting.ts'], 'fix(config): a change');

    const affected = affectedProjects();
    expect(affected).toEqual(
      expect.arrayContaining(['config', 'server-kit', 'backend', 'frontend', 'local-registry']),
    );
    expect(affected).not.toContain('errors');
    expect(affected).not.toContain('catalog-contract');
    expect(affected).not.toContain('proto');
  });

  it('after a proto change: the contract library and both services', () => {
    commitChange(['proto/catalog/v1/catalog.proto'], 'feat(proto): a change');

    const affected = affectedProjects();
    expect(affected).toEqual(
      expect.arrayContaining(['proto', 'catalog-contract', 'backend', 'frontend']),
    );
    expect(affected).not.toContain('config');
    expect(affected).not.toContain('errors');
  });

  it('after a Markdown-only change: nothing to build', () => {
    commitChange(['README.md', 'docs/deployment.md', 'libs/config/README.md'], 'docs: a change');

    expect(affectedProjects()).toEqual([]);
  });
});
