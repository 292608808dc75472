import { Logger } from '@nestjs/common';
import { currentLogKeyring, LogKeyring, PublicKeys, PublishedKey, publishedKeys, SigningKey } from '@sg/case-log';

/** The case log's keyring (the signing key, and every public key that ever signed), read and checked at start. */
export class AuditKeys {
  readonly signing: SigningKey;
  readonly publicKeys: PublicKeys;
  readonly development: boolean;
  /** every public key, the current one first, as the API and exports publish them */
  readonly published: PublishedKey[];

  private constructor(keyring: LogKeyring) {
    this.signing = keyring.signing;
    this.publicKeys = keyring.publicKeys;
    this.development = keyring.development;
    this.published = publishedKeys(keyring.publicKeys);
  }

  static fromEnvironment(): AuditKeys {
    const keyring = currentLogKeyring();
    if (keyring.development) {
      new Logger('audit').warn(
        'LOG_SIGNING_KEY is not set: the case log is signed with the published DEVELOPMENT-ONLY key, which proves nothing',
      );
    }
    return new AuditKeys(keyring);
  }
}
