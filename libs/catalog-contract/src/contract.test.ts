import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ListProductsResponse, Product } from './index.ts';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const generatedDir = fileURLToPath(new URL('./generated', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'contract-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[]): { code: number; output: string } {
  try {
    return {
      code: 0,
      output: execFileSync(command, args, { cwd: workspaceRoot, encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

function filesUnder(dir: string): Record<string, string> {
  return Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length), readFileSync(path, 'utf8')];
      }),
  );
}

describe('the catalog.v1 contract', () => {
  it('passes buf lint (STANDARD rules)', () => {
    const result = run(join(workspaceRoot, 'node_modules/.bin/buf'), ['lint', 'proto']);

    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('has committed generated code that matches what proto/ generates now', () => {
    const fresh = join(scratch, 'generated');
    const result = run(process.execPath, [
      join(workspaceRoot, 'libs/catalog-contract/scripts/generate.ts'),
      '--out',
      fresh,
    ]);
    expect(result.code, result.output).toBe(0);

    expect(
      filesUnder(generatedDir),
      'src/generated is stale: run `npx nx run catalog-contract:generate`',
    ).toEqual(filesUnder(fresh));
  });

  it('marks generated files DO NOT EDIT', () => {
    for (const text of Object.values(filesUnder(generatedDir)))
      expect(text).toContain('DO NOT EDIT');
  });
});

describe('the generated messages', () => {
  const product = Product.fromPartial({
    id: 'mug',
    name: 'Mug',
    tags: ['kitchen'],
    price: { currencyCode: 'EUR', units: '9223372036854775807', nanos: 990_000_000 },
  });

  it('round-trip through the protobuf wire format without losing int64 precision', () => {
    expect(Product.decode(Product.encode(product).finish())).toEqual(product);
  });

  it('map to proto3 JSON with camelCase names and int64 as a string', () => {
    expect(ListProductsResponse.toJSON({ products: [product], nextPageToken: 'n' })).toEqual({
      products: [
        {
          id: 'mug',
          name: 'Mug',
          description: '',
          tags: ['kitchen'],
          price: { currencyCode: 'EUR', units: '9223372036854775807', nanos: 990000000 },
        },
      ],
      nextPageToken: 'n',
    });
  });

  it('read proto3 JSON that omits default values', () => {
    expect(Product.fromJSON({ id: 'x' })).toEqual({
      id: 'x',
      name: '',
      description: '',
      tags: [],
      price: undefined,
    });
  });
});
