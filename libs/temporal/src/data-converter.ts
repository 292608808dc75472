import { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';

/** The module the workflow bundle and every client load the failure converter from. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The same converter for the API's client, the worker and replay: encrypted payloads, and failure messages too. */
export function encryptedDataConverter(payloadKeyBase64: string): DataConverter {
  return {
    payloadCodecs: [EncryptionCodec.fromBase64(payloadKeyBase64)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
