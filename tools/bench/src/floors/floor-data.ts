// The data every floor serves: the backend's seed products, first page of 12 (what the shop's home
// page shows). Read once at start, like the real backend's in-memory store.
import { readFileSync } from 'node:fs';

export interface FloorMoney {
  currencyCode: string;
  units: string;
  nanos: number;
}

export interface FloorProduct {
  id: string;
  name: string;
  description: string;
  tags: string[];
  price: FloorMoney;
}

export interface FloorPage<T = FloorProduct> {
  products: T[];
  nextPageToken: string;
}

export const floorPageSize = 12;

const seedFile = new URL('../../../../services/backend/data/products.json', import.meta.url);

/** The seed products, in the backend's order (by id, as its store keeps them). */
export function loadFloorProducts(): FloorProduct[] {
  return (JSON.parse(readFileSync(seedFile, 'utf8')) as FloorProduct[]).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** The first page, as a backend would answer it (a fresh object per request, like a real store). */
export function firstPage<T extends { id: string }>(products: T[]): FloorPage<T> {
  return {
    products: products.slice(0, floorPageSize),
    nextPageToken: products.length > floorPageSize ? products[floorPageSize - 1]!.id : '',
  };
}
