import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

interface ListedProduct {
  id: string;
  name: string;
  price: string;
}

/** Follows the shop's "Next page" links from `/` and collects every product card. */
async function crawlShop(baseUrl: string): Promise<ListedProduct[]> {
  const found: ListedProduct[] = [];
  let path: string | undefined = '/';
  while (path) {
    const response = await fetch(new URL(path, baseUrl));
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const card of html.matchAll(
      /href="\/products\/([^"]+)">([^<]*)<\/a>[\s\S]*?<span class="price"[^>]*>([^<]*)</g,
    )) {
      found.push({
        id: decodeURIComponent(card[1]!),
        name: decodeHtml(card[2]!),
        price: decodeHtml(card[3]!),
      });
    }
    path = /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  }
  return found;
}

function decodeHtml(text: string): string {
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#39;': "'",
  };
  // Characters beyond Latin-1 arrive as numeric references (html.ts in the frontend).
  return text.replace(/&(amp|lt|gt|quot|#39|#x[0-9a-f]+);/gi, (entity) =>
    entity.startsWith('&#x')
      ? String.fromCodePoint(parseInt(entity.slice(3, -1), 16))
      : entities[entity]!,
  );
}

describe('the frontend over gRPC and over HTTP, against the real backend', () => {
  it('lists the same products, every product the backend has, across pages', async () => {
    const [viaGrpc, viaHttp] = await Promise.all([
      crawlShop(stack.frontendUrl('grpc')),
      crawlShop(stack.frontendUrl('http')),
    ]);
    const api = (await (
      await fetch(`${stack.backendHttpUrl}/v1/products?pageSize=100`)
    ).json()) as { products: { id: string; name: string }[] };

    expect(viaGrpc.length).toBeGreaterThanOrEqual(12);
    expect(viaHttp).toEqual(viaGrpc);
    expect(viaGrpc.map(({ id, name }) => ({ id, name }))).toEqual(
      api.products.map(({ id, name }) => ({ id, name })),
    );
  });

  it('renders the same product page, apart from the transport badge', async () => {
    const page = async (transport: 'grpc' | 'http') => {
      const response = await fetch(`${stack.frontendUrl(transport)}/products/burr-grinder`);
      expect(response.status).toBe(200);
      return (await response.text()).replace(/via (gRPC|HTTP)/, 'via …');
    };

    const [viaGrpc, viaHttp] = await Promise.all([page('grpc'), page('http')]);

    expect(viaGrpc).toContain('Conical Burr Grinder');
    expect(viaHttp).toBe(viaGrpc);
  });

  it('answers 404 for an unknown product on both transports', async () => {
    for (const transport of ['grpc', 'http'] as const) {
      expect((await fetch(`${stack.frontendUrl(transport)}/products/no-such-product`)).status).toBe(
        404,
      );
    }
  });

  it('is ready on both transports while the backend is up', async () => {
    for (const transport of ['grpc', 'http'] as const) {
      expect(await (await fetch(`${stack.frontendUrl(transport)}/readyz`)).json()).toEqual({
        status: 'ready',
        checks: { backend: 'ok' },
      });
    }
  });
});
