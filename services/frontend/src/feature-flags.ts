import { randomUUID } from 'node:crypto';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { OpenFeature, ProviderEvents, type Client } from '@openfeature/server-sdk';

/** The feature flags the frontend reads. Every flag has a safe default for when flags cannot be read. */
export interface FeatureFlags {
  /** The discount shown on every price, in percent (flag `spring-discount`, 0 when off). */
  discountPercent(): number;
  close(): Promise<void>;
}

/**
 * Feature flags from a file in the flagd format (`flags/<APP_ENV>.flagd.json`, or a mounted ConfigMap),
 * through the OpenFeature SDK. The file is watched: editing it switches a flag in the running process,
 * without a restart or a deployment.
 * NOTE: new behaviour ships dark (the flag's default variant is "off" in production) and is turned on
 * later, so services can be deployed in any order.
 * NOTE: the flags here target no one in particular (no evaluation context), so each is evaluated
 * when the provider reports a change, not on every request: an OpenFeature evaluation costs ~25 µs,
 * a tenth of a page (docs/performance.md). A flag that targets users would be evaluated per request,
 * with the user in the evaluation context.
 */
export async function createFeatureFlags({ file }: { file: string }): Promise<FeatureFlags> {
  // A domain of its own, so that several instances (tests) never share a provider.
  const domain = `frontend-${randomUUID()}`;
  const provider = new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: file });
  await OpenFeature.setProviderAndWait(domain, provider);
  const client = OpenFeature.getClient(domain);
  let discount = await readDiscount(client);
  const refresh = async () => {
    discount = await readDiscount(client);
  };
  // A broken flags file keeps the last good values (the provider reports an error, not a change).
  client.addHandler(ProviderEvents.ConfigurationChanged, refresh);
  client.addHandler(ProviderEvents.Ready, refresh);
  return {
    discountPercent: () => discount,
    async close() {
      await provider.onClose();
    },
  };
}

async function readDiscount(client: Client): Promise<number> {
  const percent = await client.getNumberValue('spring-discount', 0);
  return Number.isInteger(percent) && percent > 0 && percent < 100 ? percent : 0;
}
