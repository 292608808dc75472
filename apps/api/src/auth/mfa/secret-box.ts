import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** DEVELOPMENT ONLY: derived from a published label, so it protects nothing; production refuses it. */
const DEVELOPMENT_KEY = createHash('sha256')
  .update('safeguarding-case-service DEVELOPMENT ONLY two-factor key')
  .digest();

interface Key {
  id: string;
  bytes: Buffer;
}

const keyId = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/**
 * Two-factor secrets at rest: AES-256-GCM under MFA_SECRET_KEYS, bound to the account they belong to (a secret
 * copied to another account's row does not open). Seals with the first key; opens with whichever key sealed it,
 * so a new key can go first while older secrets still open.
 */
export class SecretBox {
  private constructor(private readonly keys: Key[]) {}

  static fromSetting(setting: string | undefined, production: boolean): SecretBox {
    const given = (setting ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (!given.length) {
      if (production) throw new Error('MFA_SECRET_KEYS is required in production (base64 32-byte keys, newest first)');
      return new SecretBox([{ id: keyId(DEVELOPMENT_KEY), bytes: DEVELOPMENT_KEY }]);
    }
    const keys = given.map((text, i) => {
      const bytes = Buffer.from(text, 'base64');
      if (bytes.length !== 32) throw new Error(`MFA_SECRET_KEYS: key ${i + 1} is not 32 bytes of base64`);
      if (production && bytes.equals(DEVELOPMENT_KEY))
        throw new Error('MFA_SECRET_KEYS: the development key is refused');
      return { id: keyId(bytes), bytes };
    });
    return new SecretBox(keys);
  }

  seal(plain: Buffer, owner: string): string {
    const key = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv).setAAD(Buffer.from(owner, 'utf8'));
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}.${key.id}.${sealed.toString('base64')}`;
  }

  /** The secret, or an Error when the key is unknown or the text was altered or belongs to another account. */
  open(text: string, owner: string): Buffer {
    const [format, id, body] = text.split('.');
    const key = this.keys.find((k) => k.id === id);
    if (format !== FORMAT || !key || !body) throw new Error('two-factor secret sealed with an unknown key');
    const sealed = Buffer.from(body, 'base64');
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, iv).setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  }
}
