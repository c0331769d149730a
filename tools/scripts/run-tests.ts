// `npm test`: formatting of every file (Prettier, through `nx format:check --all`), then every check of every project
// through Nx (lint, typecheck, the contract's buf lint and all vitest suites), then one summary of the
// vitest JSON reports, ending with `N passed, N failed`.
// Extra arguments go to Nx, e.g. `npm test -- --projects=backend`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
}

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const reportsDir = join(workspaceRoot, 'reports/vitest');
rmSync(reportsDir, { recursive: true, force: true });

const env = { ...process.env, NX_NO_CLOUD: 'true' };
// `--all`: without it, Nx checks only the files changed against the base branch, which on a clean
// checkout of main is none, and a mis-formatted file already on main would pass.
const format = spawnSync('nx', ['format:check', '--all'], {
  cwd: workspaceRoot,
  stdio: 'inherit',
  env,
});
if (format.status !== 0)
  console.log('Formatting differs from Prettier in the files above: run `npx nx format:write`.');

const nx = spawnSync(
  'nx',
  [
    'run-many',
    '--targets=lint,typecheck,buf-lint,test',
    '--outputStyle=static',
    ...process.argv.slice(2),
  ],
  { cwd: workspaceRoot, stdio: 'inherit', env },
);

const reports = existsSync(reportsDir)
  ? readdirSync(reportsDir).filter((name) => name.endsWith('.json'))
  : [];
const totals = { passed: 0, failed: 0, skipped: 0 };
console.log('\nTest summary (vitest JSON reports)');
for (const name of reports.sort()) {
  const report = JSON.parse(readFileSync(join(reportsDir, name), 'utf8')) as VitestReport;
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += skipped;
  console.log(
    `  ${name.replace(/\.json$/, '').padEnd(20)} ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}

// A failed format/lint/typecheck/buf task, or a test run that crashed before reporting, fails the
// run too: each counts as one failure, so the last line never reads "0 failed" for a red run.
if (format.status !== 0) {
  console.log('  formatting           1 failed (nx format:check --all)');
  totals.failed += 1;
}
if (nx.status !== 0 && totals.failed === 0) {
  console.log(
    '  (a lint, typecheck, buf or test task failed without a failing test case: see the Nx output above)',
  );
  totals.failed += 1;
}
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(format.status === 0 && nx.status === 0 && totals.failed === 0 ? 0 : 1);
