import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const workflowPath = join(workspaceRoot, '.github/workflows/ci.yml');
const scratch = mkdtempSync(join(tmpdir(), 'workflow-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(path: string): { code: number; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(workspaceRoot, 'node_modules/@action-validator/cli/cli.mjs'), path],
    { encoding: 'utf8' },
  );
  return { code: result.status ?? -1, output: result.stdout + result.stderr };
}

interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<
    string,
    { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }
  >;
}

describe('the GitHub Actions workflow', () => {
  const text = readFileSync(workflowPath, 'utf8');
  const workflow = parse(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('is valid according to the workflow schema (@action-validator/cli)', () => {
    const result = validate(workflowPath);

    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('is rejected by the same validator when a key is misspelled', () => {
    const broken = join(scratch, 'broken.yml');
    writeFileSync(broken, text.replace('runs-on:', 'runs-onn:'));

    expect(validate(broken).code).not.toBe(0);
  });

  it('pins every action by full commit SHA, with the version in a comment', () => {
    const uses = text.split('\n').filter((line) => line.includes('uses:'));

    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const line of uses)
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('asks only for read permissions', () => {
    expect(Object.values(workflow.permissions).every((level) => level === 'read')).toBe(true);
  });

  it('checks out the full history, uses the Node version of .nvmrc with the npm cache, and installs with npm ci', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));

    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(setupNode?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
    expect(steps.some((step) => step.uses?.startsWith('nrwl/nx-set-shas@'))).toBe(true);
  });

  it('runs sync:check, buf lint and breaking against the base, and the affected targets', () => {
    const runs = steps.map((step) => step.run ?? '').join('\n');

    expect(runs).toContain('npx nx sync:check');
    expect(runs).toContain('npm audit --omit=dev --audit-level=high');
    expect(runs).toContain('npx buf lint proto');
    expect(runs).toMatch(/npx buf breaking proto --against "\.git#ref=\$\{NX_BASE\},subdir=proto"/);
    expect(runs).toMatch(/npx nx affected -t lint typecheck buf-lint test build container/);
  });
});
