import { startLocalRegistry, workspaceRoot, type LocalRegistry } from '@sample/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Renovate (~340 MB) is not a dependency of the workspace: it runs on Renovate's servers or in its own
// CI job. The test installs the pinned version once into tmp/renovate (ignored by git) and reuses it,
// without install scripts: the optional re2 engine would download or compile a native module, and
// Renovate falls back to JavaScript regular expressions without it.
const renovateVersion = '44.121.2';
const renovateHome = join(workspaceRoot, 'tmp/renovate');
const renovateDist = join(renovateHome, 'node_modules/renovate/dist');

interface Report {
  repositories: Record<
    string,
    { packageFiles: Record<string, { packageFile: string; deps: Dep[] }[]> }
  >;
}
interface Dep {
  depName: string;
  currentValue?: string;
  updates?: { newVersion: string; newValue: string; updateType: string }[];
}

function ensureRenovate(): void {
  const installed = join(renovateHome, 'node_modules/renovate/package.json');
  if (
    existsSync(installed) &&
    JSON.parse(readFileSync(installed, 'utf8')).version === renovateVersion
  )
    return;
  mkdirSync(renovateHome, { recursive: true });
  writeFileSync(join(renovateHome, 'package.json'), '{ "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', `renovate@${renovateVersion}`],
    {
      cwd: renovateHome,
      stdio: 'ignore',
    },
  );
}

function runRenovate(
  script: string,
  args: string[],
  cwd: string,
  logLevel = 'warn',
): { code: number; output: string } {
  const result = spawnSync(process.execPath, [join(renovateDist, script), ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      LOG_LEVEL: logLevel,
      RENOVATE_X_IGNORE_RE2: 'true',
    },
    timeout: 240_000,
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** A clean copy of the committed repository (Renovate's local platform reads what git tracks). */
function cloneRepository(): string {
  const clone = mkdtempSync(join(tmpdir(), 'renovate-repo-'));
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, clone]);
  return clone;
}

function reportOf(
  cwd: string,
  dryRun: string,
  extra: string[] = [],
): { report: Report; output: string } {
  const reportPath = join(cwd, '..', `${dryRun}-report-${Date.now()}.json`);
  const { code, output } = runRenovate(
    'renovate.js',
    [
      '--platform=local',
      `--dry-run=${dryRun}`,
      '--report-type=file',
      `--report-path=${reportPath}`,
      ...extra,
    ],
    cwd,
  );
  expect(code, output).toBe(0);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  rmSync(reportPath, { force: true });
  return { report, output };
}

const scratch: string[] = [];
beforeAll(() => ensureRenovate(), 600_000);
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the Renovate configuration', () => {
  it('passes renovate-config-validator --strict', () => {
    const { code, output } = runRenovate(
      'config-validator.js',
      ['--strict'],
      workspaceRoot,
      'info',
    );

    expect(output).toContain('Config validated successfully');
    expect(code).toBe(0);
  });

  it('is checked for real: the validator rejects a misspelled option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renovate-invalid-'));
    scratch.push(dir);
    const config = readFileSync(join(workspaceRoot, 'renovate.json'), 'utf8').replace(
      '"prHourlyLimit"',
      '"prHourlyLimitt"',
    );
    writeFileSync(join(dir, 'renovate.json'), config);

    const { code, output } = runRenovate('config-validator.js', ['--strict'], dir, 'info');

    expect(code).not.toBe(0);
    expect(output).toContain('prHourlyLimitt');
  });

  it('sees every dependency the repository has, with every manager in use', () => {
    const clone = cloneRepository();
    scratch.push(clone);

    const { report } = reportOf(clone, 'extract');
    const files = Object.values(report.repositories)[0]!.packageFiles;
    const filesOf = (manager: string) =>
      (files[manager] ?? []).map((file) => file.packageFile).sort();

    const workspacePackages = execFileSync('git', ['ls-files', 'package.json', '*/package.json'], {
      cwd: clone,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(filesOf('npm')).toEqual(workspacePackages);
    expect(filesOf('dockerfile')).toEqual([
      'services/backend/Dockerfile',
      'services/frontend/Dockerfile',
    ]);
    expect(filesOf('github-actions')).toEqual(['.github/workflows/ci.yml']);
    expect(filesOf('kubernetes')).toEqual(
      expect.arrayContaining([
        'k8s/base/backend/deployment.yaml',
        'k8s/base/frontend/deployment.yaml',
      ]),
    );
    expect(filesOf('nvm')).toEqual(['.nvmrc']);

    const deps = (manager: string) =>
      (files[manager] ?? []).flatMap((file) => file.deps.map((dep) => dep.depName));
    expect(deps('dockerfile')).toEqual([
      'gcr.io/distroless/nodejs24-debian12',
      'gcr.io/distroless/nodejs24-debian12',
    ]);
    expect(deps('github-actions')).toEqual(
      expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'nrwl/nx-set-shas']),
    );
    expect(deps('kubernetes')).toEqual(
      expect.arrayContaining(['localhost:5001/backend', 'localhost:5001/frontend']),
    );
    expect(deps('npm')).toEqual(
      expect.arrayContaining(['nx', '@nx/js', 'node', '@sample/config', 'express']),
    );
  });

  describe('with a local registry holding a newer @sample library', () => {
    let registry: LocalRegistry;
    beforeAll(async () => {
      registry = await startLocalRegistry();
    });
    afterAll(() => registry?.stop());

    it('proposes exactly that update', () => {
      const library = join(workspaceRoot, 'libs/errors');
      const newer = join(registry.scratch, 'errors-1.1.0');
      for (const entry of ['dist', 'package.json'])
        cpSync(join(library, entry), join(newer, entry), { recursive: true });
      const manifest = JSON.parse(readFileSync(join(newer, 'package.json'), 'utf8'));
      writeFileSync(join(newer, 'package.json'), JSON.stringify({ ...manifest, version: '1.1.0' }));
      expect(
        registry.npm(['publish', library, `--registry=${registry.url}/`], registry.scratch).code,
      ).toBe(0);
      expect(
        registry.npm(['publish', newer, `--registry=${registry.url}/`], registry.scratch).code,
      ).toBe(0);

      // A consumer of @sample/errors 1.0.0, with the repository's Renovate config pointed at this registry.
      const consumer = mkdtempSync(join(tmpdir(), 'renovate-consumer-'));
      scratch.push(consumer);
      const config = readFileSync(join(workspaceRoot, 'renovate.json'), 'utf8').replaceAll(
        'http://127.0.0.1:4873',
        registry.url,
      );
      writeFileSync(join(consumer, 'renovate.json'), config);
      writeFileSync(join(consumer, '.npmrc'), `@sample:registry=${registry.url}/\n`);
      writeFileSync(
        join(consumer, 'package.json'),
        JSON.stringify(
          { name: 'consumer', version: '1.0.0', dependencies: { '@sample/errors': '1.0.0' } },
          null,
          2,
        ),
      );
      for (const args of [
        ['init', '--quiet'],
        ['add', '-A'],
        [
          '-c',
          'user.email=ci@example.invalid',
          '-c',
          'user.name=test',
          'commit',
          '--quiet',
          '-m',
          'init',
        ],
      ]) {
        execFileSync('git', args, { cwd: consumer });
      }

      // Only npm: the docker datasource would need a container registry, which is not reachable here.
      const { report } = reportOf(consumer, 'lookup', ['--enabled-managers=npm']);
      const deps = Object.values(report.repositories)[0]!.packageFiles['npm']!.flatMap(
        (file) => file.deps,
      );
      const errors = deps.find((dep) => dep.depName === '@sample/errors');

      expect(errors?.currentValue).toBe('1.0.0');
      expect(
        errors?.updates?.map(({ newVersion, updateType }) => ({ newVersion, updateType })),
      ).toEqual([{ newVersion: '1.1.0', updateType: 'minor' }]);
    });
  });
});
