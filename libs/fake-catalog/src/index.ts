export {
  contractProduct,
  startFakeCatalogBackend,
  type FakeBehaviour,
  type FakeCatalogBackend,
  type FakeFailure,
} from './fake-catalog-backend.ts';
