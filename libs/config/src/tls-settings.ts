import { z } from 'zod';
import { setting } from './setting.ts';

const filePath = z.string().trim().min(1, 'expected a file path');

/**
 * Three optional settings naming PEM files for (mutual) TLS: `<PREFIX>_CERT_FILE`, `<PREFIX>_KEY_FILE`
 * and `<PREFIX>_CA_FILE`. Set all three to turn TLS on; set none to leave it off.
 *
 * @example
 * const schema = { ...serverSettings({ httpPort: 8080 }), ...tlsFileSettings('GRPC_TLS') };
 */
export function tlsFileSettings(prefix: string) {
  return {
    tlsCertFile: setting({
      env: `${prefix}_CERT_FILE`,
      schema: filePath.optional(),
      doc: 'PEM certificate (chain) presented to the peer',
    }),
    tlsKeyFile: setting({
      env: `${prefix}_KEY_FILE`,
      schema: filePath.optional(),
      doc: 'PEM private key of that certificate',
      secret: true,
    }),
    tlsCaFile: setting({
      env: `${prefix}_CA_FILE`,
      schema: filePath.optional(),
      doc: 'PEM CA certificates that the peer must be signed by',
    }),
  };
}
