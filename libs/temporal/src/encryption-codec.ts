import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { PayloadKeyring } from './payload-keyring';

const ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * What a payload this service cannot trust decodes to. No payload converter knows this encoding, so turning it
 * into a value fails inside the workflow, where the SDK rejects an update whose input does not convert before
 * anything is written. Throwing here instead would fail the workflow task, and a signal (which stays in
 * history) would then fail it on every retry: a stalled case.
 */
export const REFUSED_ENCODING = 'refused: not encrypted with a key of this service';

export type RefusalReason = 'unencrypted' | 'unknown key' | 'failed authentication';

/**
 * Encrypts every payload Temporal stores (workflow inputs, update arguments and results, activity inputs and
 * results) with AES-256-GCM under the keyring's newest key, so disclosure text and identifying details never sit
 * in its history as plain text. Decrypts with whichever key the payload names, so keys rotate while cases run.
 * Anything else (no encryption, a key this process lacks, a payload that fails authentication) is refused.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(
    private readonly keyring: PayloadKeyring,
    private readonly onRefused: (reason: RefusalReason) => void = () => undefined,
  ) {}

  static fromBase64(newest: string, previous: readonly string[] = []): EncryptionCodec {
    return new EncryptionCodec(PayloadKeyring.fromBase64(newest, previous));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keyring.newest;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCODING), [KEY_ID]: Buffer.from(id) }, data };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  private decodeOne(payload: Payload): Payload {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCODING) return this.refuse('unencrypted');
    const found = this.keyring.find(text(payload.metadata?.[KEY_ID]));
    if (!found) return this.refuse('unknown key');
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) return this.refuse('failed authentication');
    try {
      const decipher = createDecipheriv(ALGORITHM, found.key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const body = data.subarray(IV_BYTES, data.length - TAG_BYTES);
      return temporal.api.common.v1.Payload.decode(Buffer.concat([decipher.update(body), decipher.final()]));
    } catch {
      return this.refuse('failed authentication');
    }
  }

  private refuse(reason: RefusalReason): Payload {
    this.onRefused(reason);
    return { metadata: { [METADATA_ENCODING_KEY]: Buffer.from(REFUSED_ENCODING) } };
  }
}

function text(bytes: Uint8Array | null | undefined): string {
  return Buffer.from(bytes ?? []).toString();
}
