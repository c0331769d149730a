import { describe, expect, it } from 'vitest';
import { fixed, markdownTable, megabytes } from '../src/format-table.ts';

describe('markdownTable', () => {
  const table = markdownTable(
    ['scenario', 'req/s', 'CPU µs/req'],
    [
      ['page-http', '4512', '312'],
      ['floor-node-http', '21000', '48'],
    ],
  );
  const lines = table.split('\n');

  it('renders the header, a rule line and one line per row', () => {
    expect(table).toBe(
      [
        '| scenario        | req/s | CPU µs/req |',
        '|-----------------|------:|-----------:|',
        '| page-http       |  4512 |        312 |',
        '| floor-node-http | 21000 |         48 |',
      ].join('\n'),
    );
  });

  it('aligns the columns: every line has its separators at the same places', () => {
    const separators = (line: string) => [...line].flatMap((char, i) => (char === '|' ? [i] : []));
    for (const line of lines) expect(separators(line)).toEqual(separators(lines[0]!));
  });

  it('left-aligns the first column and right-aligns the numeric ones in the Markdown rule', () => {
    const cells = lines[1]!.split('|').slice(1, -1);
    expect(cells[0]).toMatch(/^-+$/);
    expect(cells.slice(1)).toEqual(cells.slice(1).map(() => expect.stringMatching(/^-+:$/)));
  });

  it('widens a column to its longest cell', () => {
    const wide = markdownTable(['a', 'b'], [['x', '1234567']]);
    expect(wide.split('\n')[2]).toBe('| x | 1234567 |');
    expect(wide.split('\n')[0]).toBe('| a |       b |');
  });
});

describe('number formats', () => {
  it('prints n/a for a figure that could not be measured', () => {
    expect(fixed(NaN)).toBe('n/a');
    expect(fixed(Infinity)).toBe('n/a');
    expect(fixed(1.2567, 2)).toBe('1.26');
  });

  it('prints bytes as whole mebibytes', () => {
    expect(megabytes(150 * 1024 * 1024)).toBe('150 MB');
  });
});
