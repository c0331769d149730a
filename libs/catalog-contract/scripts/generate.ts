// Regenerates src/generated from proto/ with buf and ts-proto: `npx nx run catalog-contract:generate`.
// With `--out <dir>` it writes elsewhere (the staleness test compares that with the committed code).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { out: { type: 'string', default: join(projectRoot, 'src/generated') } },
});

const template = readFileSync(join(projectRoot, 'buf.gen.yaml'), 'utf8').replace(
  /out: .*/,
  `out: ${relative(workspaceRoot, values.out) || '.'}`,
);
const scratch = mkdtempSync(join(tmpdir(), 'buf-gen-'));
try {
  const templatePath = join(scratch, 'buf.gen.yaml');
  writeFileSync(templatePath, template);
  rmSync(values.out, { recursive: true, force: true });
  execFileSync(
    join(workspaceRoot, 'node_modules/.bin/buf'),
    ['generate', 'proto', '--template', templatePath],
    {
      cwd: workspaceRoot,
      stdio: 'inherit',
    },
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
