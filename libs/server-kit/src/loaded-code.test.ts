import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFastifyApp } from './fastify-app.ts';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

// What a service built on this kit loads, in a fresh Node process (this test process has loaded
// far more). Every object loaded stays on the heap that each full garbage collection walks, so code
// that is never run is a cost per request (docs/performance.md).
const probe = `
import { createRequire } from 'node:module';
import { createFastifyApp, listenHttp } from '@sample/server-kit';
const app = createFastifyApp({ maxBodyBytes: 1024 });
app.get('/', async () => ({ ok: true }));
const listener = await listenHttp(app, { host: '127.0.0.1', port: 0 });
const body = await new Promise((resolve, reject) =>
  process.getBuiltinModule('node:http').get(listener.url, (res) => {
    let text = '';
    res.on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
  }).on('error', reject),
);
await listener.close(100);
console.log(JSON.stringify({
  body,
  undici: process.moduleLoadList.filter((name) => name.includes('undici')),
  schemaCompilers: Object.keys(createRequire(import.meta.url).cache).filter((file) =>
    ['ajv/', '@fastify/ajv-compiler/', 'fast-json-stringify/index', '@fastify/fast-json-stringify-compiler/']
      .some((name) => file.includes('/node_modules/' + name)),
  ),
}));
`;

describe('what a service loads', () => {
  it("serves HTTP without loading Node's undici or Fastify's JSON-schema compilers", () => {
    const output = execFileSync(
      process.execPath,
      ['--conditions=@sample/source', '--input-type=module', '-e', probe],
      { cwd: workspaceRoot, encoding: 'utf8' },
    );
    const loaded = JSON.parse(output) as {
      body: string;
      undici: string[];
      schemaCompilers: string[];
    };

    expect(JSON.parse(loaded.body)).toEqual({ ok: true });
    // `import 'node:http'` would load it (the ESM facade reads the lazy WebSocket export).
    expect(loaded.undici).toEqual([]);
    // Fastify builds ajv and fast-json-stringify unless the app brings its own compilers (its
    // error replies use a small precompiled serializer, which stays).
    expect(loaded.schemaCompilers).toEqual([]);
  });

  it('refuses, at start-up and saying why, a route that declares a JSON schema', async () => {
    const app = createFastifyApp({ maxBodyBytes: 1024 });
    app.get(
      '/items',
      { schema: { querystring: { type: 'object', properties: { q: { type: 'string' } } } } },
      () => 'never',
    );

    await expect(app.ready()).rejects.toThrow(
      /GET \/items declares a JSON schema; these apps validate with zod/,
    );
  });
});
