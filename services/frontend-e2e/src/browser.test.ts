import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

// Debian's Chromium (apt-get install chromium); never a downloaded browser. If it is missing the
// test fails: it does not skip.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const screenshots = fileURLToPath(new URL('../../../reports/screenshots/', import.meta.url));

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  stack = await startStack();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the shop in a real browser', () => {
  it.each(['grpc', 'http'] as const)(
    'over %s: opens the list, follows a product link and sees its page',
    async (transport) => {
      const page = await browser.newPage();
      try {
        await page.goto(stack.frontendUrl(transport));
        await expect.poll(() => page.getByTestId('product').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('app-env').textContent()).toBe('development');
        expect(await page.getByTestId('transport').textContent()).toBe(
          `via ${transport === 'grpc' ? 'gRPC' : 'HTTP'}`,
        );
        const link = page.locator('a.product-name').nth(2);
        const name = (await link.textContent())!;
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: `${screenshots}shop-${transport}.png`, fullPage: true });

        await link.click();

        await page.waitForURL(/\/products\//);
        expect(await page.locator('h1').textContent()).toBe(name);
        expect(await page.getByTestId('product-detail').locator('.price').textContent()).toMatch(
          /^€\d+\.\d{2}$/,
        );
        await page.screenshot({ path: `${screenshots}product-${transport}.png` });
      } finally {
        await page.close();
      }
    },
  );
});
