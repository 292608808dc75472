import { createPublicKey, KeyObject } from 'node:crypto';

/**
 * Public keys from what an auditor keeps: the JSON answer of GET /audit/public-key (every key in `keys`, or the one
 * `publicKey` of older answers), one or more SPKI PEM blocks, or base64 SPKI DER, one key a line. Throws when the
 * text holds none.
 */
export function publicKeysFromText(text: string): KeyObject[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { keys?: { publicKey: string }[]; publicKey?: string };
    const pems = json.keys?.map((k) => k.publicKey) ?? (json.publicKey ? [json.publicKey] : []);
    return nonEmpty(pems.map((pem) => createPublicKey(pem)));
  }
  if (trimmed.includes('-----BEGIN')) {
    const blocks = trimmed.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
    return nonEmpty(blocks.map((pem) => createPublicKey(pem)));
  }
  const lines = trimmed.split(/\s+/).filter(Boolean);
  return nonEmpty(
    lines.map((b64) => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' })),
  );
}

function nonEmpty(keys: KeyObject[]): KeyObject[] {
  if (!keys.length) throw new Error('no public key found');
  for (const key of keys) if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return keys;
}
