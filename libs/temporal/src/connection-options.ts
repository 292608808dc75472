import type { ConfigType } from '@nestjs/config';
import type { temporalConfig } from '@sg/config';
import { PayloadKeyring } from './payload-keyring';

type TemporalSettings = ConfigType<typeof temporalConfig>;

/** Address, TLS and API key: what the API's Connection and the worker's NativeConnection both take. */
export function connectionOptions(config: TemporalSettings): { address: string; tls?: object; apiKey?: string } {
  return {
    address: config.address,
    ...(config.tls ? { tls: config.tls } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
}

export function payloadKeyring(config: TemporalSettings): PayloadKeyring {
  return PayloadKeyring.fromBase64(config.payloadKeys.newest, config.payloadKeys.previous);
}
