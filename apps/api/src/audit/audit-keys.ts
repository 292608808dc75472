import { Logger } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { publicKeyId, publicKeyPem } from '@sg/case-log';
import { currentLogSigningKey, logCheckpointIntervalMs } from '@sg/config';

/** The case log's signing key and checkpoint interval, read (and checked) once when the API starts. */
export class AuditKeys {
  readonly keyId: string;
  readonly publicKeyPem: string;

  private constructor(
    readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
    readonly development: boolean,
    readonly checkpointIntervalMs: number,
  ) {
    this.keyId = publicKeyId(publicKey);
    this.publicKeyPem = publicKeyPem(publicKey);
  }

  static fromEnvironment(env: NodeJS.ProcessEnv): AuditKeys {
    const interval = logCheckpointIntervalMs(env);
    const key = currentLogSigningKey();
    if (key.development) {
      new Logger('audit').warn(
        'LOG_SIGNING_KEY is not set: the case log is signed with the published DEVELOPMENT-ONLY key, which proves nothing',
      );
    }
    return new AuditKeys(key.privateKey, key.publicKey, key.development, interval);
  }
}
