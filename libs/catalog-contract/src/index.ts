// The public API of the catalog contract. Everything here is generated from proto/catalog/v1.
export {
  CatalogServiceClient,
  CatalogServiceService,
  GetProductRequest,
  ListProductsRequest,
  ListProductsResponse,
  Money,
  Product,
  protobufPackage,
  type CatalogServiceServer,
  type DeepPartial,
  type MessageFns,
} from './generated/catalog/v1/catalog.pb.ts';

// The standard gRPC health protocol (grpc.health.v1), generated from proto/grpc/health/v1.
export {
  HealthCheckRequest,
  HealthCheckResponse,
  HealthCheckResponse_ServingStatus,
  HealthClient,
  HealthService,
  type HealthServer,
} from './generated/grpc/health/v1/health.pb.ts';
