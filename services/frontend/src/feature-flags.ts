import { randomUUID } from 'node:crypto';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { OpenFeature } from '@openfeature/server-sdk';

/** The feature flags the frontend reads. Every flag has a safe default for when flags cannot be read. */
export interface FeatureFlags {
  /** The discount shown on every price, in percent (flag `spring-discount`, 0 when off). */
  discountPercent(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Feature flags from a file in the flagd format (`flags/<APP_ENV>.flagd.json`, or a mounted ConfigMap),
 * through the OpenFeature SDK. The file is watched: editing it switches a flag in the running process,
 * without a restart or a deployment.
 * NOTE: new behaviour ships dark (the flag's default variant is "off" in production) and is turned on
 * later, so services can be deployed in any order.
 */
export async function createFeatureFlags({ file }: { file: string }): Promise<FeatureFlags> {
  // A domain of its own, so that several instances (tests) never share a provider.
  const domain = `frontend-${randomUUID()}`;
  const provider = new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: file });
  await OpenFeature.setProviderAndWait(domain, provider);
  const client = OpenFeature.getClient(domain);
  return {
    async discountPercent() {
      const percent = await client.getNumberValue('spring-discount', 0);
      return Number.isInteger(percent) && percent > 0 && percent < 100 ? percent : 0;
    },
    async close() {
      await provider.onClose();
    },
  };
}
