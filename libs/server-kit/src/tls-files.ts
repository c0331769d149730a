import { readFileSync } from 'node:fs';
import { ConfigError } from '@sample/config';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  ca: Buffer;
}

/**
 * Reads the PEM files of a TLS configuration (from `tlsFileSettings`): all three or none. A partial
 * configuration, or a file that cannot be read, stops the start-up with a ConfigError naming it.
 */
export function readTlsFiles(
  files: {
    tlsCertFile?: string | undefined;
    tlsKeyFile?: string | undefined;
    tlsCaFile?: string | undefined;
    appEnv?: string;
  },
  {
    prefix,
    readFile = (path: string) => readFileSync(path),
  }: { prefix: string; readFile?: (path: string) => Buffer },
): TlsFiles | undefined {
  const entries = {
    CERT_FILE: files.tlsCertFile,
    KEY_FILE: files.tlsKeyFile,
    CA_FILE: files.tlsCaFile,
  };
  const given = Object.entries(entries).filter(([, path]) => path !== undefined);
  if (given.length === 0) return undefined;
  const issues = Object.entries(entries)
    .filter(([, path]) => path === undefined)
    .map(([name]) => ({
      variable: `${prefix}_${name}`,
      source: 'environment',
      message: 'is required when TLS is configured (set all three or none)',
    }));
  const read = (name: string, path: string): Buffer => {
    try {
      return readFile(path);
    } catch (error) {
      issues.push({
        variable: `${prefix}_${name}`,
        source: 'environment',
        message: `cannot read ${path}: ${(error as Error).message}`,
      });
      return Buffer.alloc(0);
    }
  };
  const tls =
    given.length === 3
      ? {
          cert: read('CERT_FILE', entries.CERT_FILE!),
          key: read('KEY_FILE', entries.KEY_FILE!),
          ca: read('CA_FILE', entries.CA_FILE!),
        }
      : undefined;
  if (issues.length > 0) throw new ConfigError(files.appEnv ?? 'development', issues);
  return tls;
}
