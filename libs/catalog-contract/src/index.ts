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
} from './generated/catalog/v1/catalog.pb.ts';
