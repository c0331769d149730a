import type { Metrics } from '@sample/server-kit';
import type { Logger } from 'pino';

/**
 * What a catalog client needs to be observable: a logger for its calls and the metrics registry that
 * times them. Optional, so tests can build a bare client.
 */
export interface Observability {
  log: Logger;
  metrics: Metrics;
}
