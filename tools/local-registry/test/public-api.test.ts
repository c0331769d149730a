import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishableLibraries, workspaceRoot } from '@sample/testing';

const libraries = publishableLibraries();

/**
 * The declarations of an API report, one per line, ignoring comments, blank lines and the report's
 * `import` lines (which only say where referenced types come from: they are not API).
 */
function declarations(report: string): Set<string> {
  return new Set(
    report
      .split('\n')
      .map((line) => line.trim())
      .filter(
        (line) =>
          line &&
          !line.startsWith('//') &&
          !line.startsWith('>') &&
          !line.startsWith('#') &&
          !line.startsWith('import '),
      ),
  );
}

/** Lines of `before` that `after` no longer has: removed or changed declarations break consumers. */
function removed(before: string, after: string): string[] {
  const kept = declarations(after);
  return [...declarations(before)].filter((line) => !kept.has(line));
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' }).trim();
}

function major(version: string): number {
  return Number(version.split('.')[0]);
}

describe.each(libraries)('the public API of @sample/%s', (library) => {
  const root = join(workspaceRoot, 'libs', library);

  it('matches its committed API report (run `npx nx run <lib>:api-report` to accept a change)', () => {
    const config = ExtractorConfig.loadFileAndPrepare(join(root, 'api-extractor.json'));
    const [report] = config.reportConfigs;
    const committedPath = join(config.reportFolder, report!.fileName);
    const freshPath = join(config.reportTempFolder, report!.fileName);

    Extractor.invoke(config, {
      localBuild: false,
      messageCallback: (message) => void (message.handled = true),
    });

    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '';
    const fresh = readFileSync(freshPath, 'utf8');
    const breaking = removed(committed, fresh);
    const kind =
      breaking.length > 0
        ? `BREAKING (bump MAJOR): removed or changed:\n  ${breaking.join('\n  ')}`
        : 'additive (release as MINOR)';
    expect(fresh, `the public API of @sample/${library} changed, ${kind}`).toBe(committed);
  });

  it('breaks nothing since its last release without a MAJOR bump', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    const tags = git(['tag', '--list', `${library}@*`, '--sort=-v:refname'])
      .split('\n')
      .filter(Boolean);
    const reportPath = `libs/${library}/api/${library}.api.md`;
    const lastRelease = tags.find(
      (tag) => git(['ls-tree', '--name-only', tag, reportPath]) === reportPath,
    );
    if (!lastRelease) {
      // Never released with a report: the committed report is the first contract to compare against.
      expect(existsSync(join(workspaceRoot, reportPath)), `${reportPath} must be committed`).toBe(
        true,
      );
      return;
    }

    const released = git(['show', `${lastRelease}:${reportPath}`]);
    const current = readFileSync(join(workspaceRoot, reportPath), 'utf8');
    const breaking = removed(released, current);
    const releasedVersion = lastRelease.slice(lastRelease.lastIndexOf('@') + 1);

    if (breaking.length > 0) {
      expect(
        major(version),
        `@sample/${library} ${version} breaks the API of ${lastRelease} without a MAJOR bump:\n  ${breaking.join('\n  ')}`,
      ).toBeGreaterThan(major(releasedVersion));
    } else {
      expect(major(version)).toBeGreaterThanOrEqual(major(releasedVersion));
    }
  });
});

describe('the breaking-change classifier', () => {
  const before =
    "import type { Logger } from 'pino';\nexport function a(x: string): void;\nexport const b: number;\n";

  it('sees a removed or changed declaration as breaking', () => {
    expect(
      removed(before, "import type { Logger } from 'pino';\nexport function a(x: number): void;\n"),
    ).toEqual(['export function a(x: string): void;', 'export const b: number;']);
  });

  it('does not count an added declaration or a changed import as breaking', () => {
    expect(
      removed(
        before,
        "import type { Destination, Logger } from 'pino';\nexport function a(x: string): void;\nexport const b: number;\nexport const c = 1;\n",
      ),
    ).toEqual([]);
  });
});
