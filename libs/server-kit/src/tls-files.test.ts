import { ConfigError } from '@sample/config';
import { describe, expect, it } from 'vitest';
import { readTlsFiles } from './tls-files.ts';

const files: Record<string, string> = {
  '/tls/cert.pem': 'CERT',
  '/tls/key.pem': 'KEY',
  '/tls/ca.pem': 'CA',
};
const readFile = (path: string) => {
  if (!(path in files)) throw new Error('ENOENT: no such file');
  return Buffer.from(files[path]!);
};

describe('readTlsFiles', () => {
  it('leaves TLS off when no file is named', () => {
    expect(readTlsFiles({}, { prefix: 'GRPC_TLS', readFile })).toBeUndefined();
  });

  it('reads all three files', () => {
    const tls = readTlsFiles(
      { tlsCertFile: '/tls/cert.pem', tlsKeyFile: '/tls/key.pem', tlsCaFile: '/tls/ca.pem' },
      { prefix: 'GRPC_TLS', readFile },
    );

    expect(tls && { cert: String(tls.cert), key: String(tls.key), ca: String(tls.ca) }).toEqual({
      cert: 'CERT',
      key: 'KEY',
      ca: 'CA',
    });
  });

  it('rejects a partial configuration, naming the missing variables', () => {
    expect(() =>
      readTlsFiles({ tlsCertFile: '/tls/cert.pem' }, { prefix: 'GRPC_TLS', readFile }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ variable: 'GRPC_TLS_KEY_FILE' }),
          expect.objectContaining({ variable: 'GRPC_TLS_CA_FILE' }),
        ],
      }),
    );
  });

  it('reports a file that cannot be read as a configuration error', () => {
    const read = () =>
      readTlsFiles(
        { tlsCertFile: '/tls/cert.pem', tlsKeyFile: '/nope.pem', tlsCaFile: '/tls/ca.pem' },
        { prefix: 'GRPC_TLS', readFile },
      );

    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/GRPC_TLS_KEY_FILE \(environment\): cannot read \/nope\.pem/);
  });
});
