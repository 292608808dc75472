import { DataConverter } from '@temporalio/common';
import { EncryptionCodec, RefusalReason } from './encryption-codec';
import { PayloadKeyring } from './payload-keyring';

/** The module the workflow bundle and every client load the failure converter from. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The same converter for the API's client, the worker and replay: encrypted payloads, and failure messages too. */
export function encryptedDataConverter(
  keyring: PayloadKeyring,
  onRefused?: (reason: RefusalReason) => void,
): DataConverter {
  return {
    payloadCodecs: [new EncryptionCodec(keyring, onRefused)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
