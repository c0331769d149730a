import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heapGrowingFlag } from '@sample/server-kit';
import { workspaceRoot } from '@sample/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageSettings, v8FlagsSetOnceStarted } from '../src/image-settings.ts';

/**
 * Which of Node's own modules a fresh `node` with `flags` compiled from source rather than from the
 * code cache built into Node (V8 rejects that cache when its flags change the cache's key).
 */
function builtinsCompiledFromSource(flags: string[]): string[] {
  const script = `
    for (const name of ['http', 'http2', 'tls', 'zlib', 'worker_threads']) require(name);
    const { internalBinding } = require('internal/test/binding');
    console.log(JSON.stringify([...internalBinding('builtins').getCacheUsage().compiledWithoutCache]));
  `;
  const output = execFileSync(
    process.execPath,
    [...flags, '--expose-internals', '--no-warnings', '-e', script],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as string[];
}

/** The node flags of the file's exec-form ENTRYPOINT: everything between `node` and the script. */
function entrypointFlags(text: string): string[] {
  const match = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(text);
  if (!match) throw new Error('no exec-form ENTRYPOINT in the Dockerfile');
  return (JSON.parse(match[1]!) as string[]).slice(1, -1);
}

describe.each(['backend', 'frontend'])('readImageSettings of the %s Dockerfile', (service) => {
  const dockerfile = join(workspaceRoot, 'services', service, 'Dockerfile');
  const text = readFileSync(dockerfile, 'utf8');

  it('runs the bundle through dist/start.cjs (its code cache; ADR 015)', () => {
    expect(readImageSettings(dockerfile).script).toBe('dist/start.cjs');
  });

  it('gives node the flags of the ENTRYPOINT, heap size included', () => {
    const { nodeFlags } = readImageSettings(dockerfile);
    expect(nodeFlags).toEqual(entrypointFlags(text));
    expect(nodeFlags).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
  });

  it('keeps the code cache built into Node valid: no Node module is compiled from source', () => {
    const { nodeFlags } = readImageSettings(dockerfile);
    expect(builtinsCompiledFromSource(nodeFlags)).toEqual([]);
    // What the check catches: the flag main.ts sets once started, given to node instead.
    expect(builtinsCompiledFromSource([...nodeFlags, heapGrowingFlag])).toContain('http2');
  });

  it('sets the ENV values, NODE_ENV=production among them, but not HOST', () => {
    const { env } = readImageSettings(dockerfile);
    expect(env['NODE_ENV']).toBe('production');
    expect(text).toMatch(/\bHOST=/);
    expect(env).not.toHaveProperty('HOST');
    for (const [key, value] of Object.entries(env)) expect(text).toContain(`${key}=${value}`);
  });
});

describe('v8FlagsSetOnceStarted', () => {
  it("are the flags the services' main.ts sets once started", () => {
    expect(v8FlagsSetOnceStarted).toEqual([heapGrowingFlag]);
  });
});

describe('readImageSettings of a Dockerfile that does not run node directly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-image-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function dockerfile(text: string): string {
    const file = join(dir, `Dockerfile.${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, text);
    return file;
  }

  it('throws naming the file on a shell-form ENTRYPOINT', () => {
    const file = dockerfile(
      'FROM node:24\nENV NODE_ENV=production\nENTRYPOINT node --max-old-space-size=96 dist/main.js\n',
    );
    expect(() => readImageSettings(file)).toThrow(file);
  });

  it('throws naming the file on an exec-form ENTRYPOINT that runs a shell', () => {
    const file = dockerfile('FROM node:24\nENTRYPOINT ["/bin/sh", "-c", "node dist/main.js"]\n');
    expect(() => readImageSettings(file)).toThrow(file);
  });

  it('throws naming the file when there is no ENTRYPOINT', () => {
    const file = dockerfile('FROM node:24\nCMD ["node", "dist/main.js"]\n');
    expect(() => readImageSettings(file)).toThrow(`${file} has no ENTRYPOINT`);
  });
});
