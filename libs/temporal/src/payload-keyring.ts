import { createHash } from 'node:crypto';

export interface PayloadKey {
  /** first 16 hex digits of the key's SHA-256: names the key in each payload without revealing it */
  id: string;
  key: Buffer;
}

/** The payload keys a process holds: it encrypts with the newest and decrypts with any of them. */
export class PayloadKeyring {
  readonly newest: PayloadKey;
  private readonly byId: Map<string, PayloadKey>;

  constructor(keys: Buffer[]) {
    if (keys.length === 0) throw new Error('The payload keyring needs at least one key');
    const entries = keys.map((key) => {
      if (key.length !== 32) throw new Error('A payload key must be 32 bytes (AES-256)');
      return { id: payloadKeyId(key), key };
    });
    this.newest = entries[0];
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
  }

  /** The newest key first, then the keys it replaced (base64, as TEMPORAL_PAYLOAD_KEY and _PREVIOUS_KEYS hold them). */
  static fromBase64(newest: string, previous: readonly string[] = []): PayloadKeyring {
    return new PayloadKeyring([newest, ...previous].map((text) => Buffer.from(text, 'base64')));
  }

  find(id: string): PayloadKey | undefined {
    return this.byId.get(id);
  }
}

export function payloadKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
