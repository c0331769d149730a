import { Server } from '@grpc/grpc-js';
import { protobufPackage } from '@sample/catalog-contract';
import {
  addGrpcHealthService,
  createGrpcServerInterceptor,
  type Health,
  type Metrics,
} from '@sample/server-kit';
import type { Logger } from 'pino';
import type { Catalog } from '../domain/catalog.ts';
import { createCatalogGrpcHandlers } from './catalog-grpc-handlers.ts';
import { catalogServiceDefinition } from './catalog-service-definition.ts';

export const catalogServiceName = `${protobufPackage}.CatalogService`;

/** The backend's gRPC server (unbound): catalog.v1.CatalogService and grpc.health.v1.Health. */
export function createGrpcServer({
  catalog,
  health,
  log,
  metrics,
}: {
  catalog: Catalog;
  health: Health;
  log: Logger;
  metrics: Metrics;
}): Server {
  // Every RPC is logged on entry and exit, and timed, by one interceptor.
  const server = new Server({ interceptors: [createGrpcServerInterceptor({ log, metrics })] });
  server.addService(catalogServiceDefinition, createCatalogGrpcHandlers({ catalog, log }));
  addGrpcHealthService(server, { health, serviceNames: [catalogServiceName] });
  return server;
}
