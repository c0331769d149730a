// Floor backend over gRPC: a bare grpc-js server with the generated catalog.v1 service definition;
// ListProducts answers the first page.
import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import {
  CatalogServiceService,
  Product,
  type CatalogServiceServer,
} from '@sample/catalog-contract';
import { announceReady, exitOnSigterm } from './announce-ready.ts';
import { firstPage, loadFloorProducts } from './floor-data.ts';

const products = loadFloorProducts().map((product) => Product.fromJSON(product));
const handlers: CatalogServiceServer = {
  listProducts(_call, callback) {
    callback(null, firstPage(products));
  },
  getProduct(_call, callback) {
    callback({ code: status.UNIMPLEMENTED, details: 'not part of the floor' });
  },
};
const server = new Server();
server.addService(CatalogServiceService, handlers);
const port = await new Promise<number>((resolve, reject) =>
  server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, bound) =>
    err ? reject(err) : resolve(bound),
  ),
);
announceReady({ grpcAddress: `127.0.0.1:${port}` });
exitOnSigterm();
