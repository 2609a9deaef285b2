/**
 * Where member tokens are kept: never in yandu.json, never in plain text. The desktop app passes
 * a store backed by Electron `safeStorage` (the OS keychain); the CLI and web mode use
 * {@link createFileSecretStore}: AES-256-GCM in `secrets.json`, with a random key in
 * `secret.key`, both readable by the user only.
 *
 * @example
 * const secrets = createFileSecretStore('/lib');
 * await secrets.set('s_1', token);
 * await secrets.get('s_1'); // → token
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic.js';

export interface SecretStore {
  get(id: string): Promise<string | undefined>;
  set(id: string, secret: string): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Byte-level encryption, as Electron's safeStorage offers it. */
export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** A store of sealed strings in one JSON file; `cipher` seals them. */
export function createSealedStore(file: string, cipher: () => Promise<Cipher>): SecretStore {
  const load = async (): Promise<Record<string, string>> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const save = (data: Record<string, string>): Promise<void> => writeFileAtomic(file, JSON.stringify(data));
  return {
    async get(id) {
      const sealed = (await load())[id];
      if (!sealed) return undefined;
      try {
        return (await cipher()).decrypt(Buffer.from(sealed, 'base64'));
      } catch {
        return undefined; // sealed with another key: as if absent; the user pastes it again
      }
    },
    async set(id, secret) {
      const data = await load();
      data[id] = (await cipher()).encrypt(secret).toString('base64');
      await save(data);
    },
    async delete(id) {
      const data = await load();
      delete data[id];
      await save(data);
    },
  };
}

async function fileKey(path: string): Promise<Buffer> {
  try {
    const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
    if (key.length === 32) return key;
  } catch {
    // no key yet
  }
  const key = randomBytes(32);
  await writeFile(path, key.toString('hex'), { mode: 0o600 });
  return key;
}

/** AES-256-GCM with a key file: `iv (12) | tag (16) | ciphertext`. */
export function aesCipher(key: Buffer): Cipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

export function createFileSecretStore(libraryDir: string): SecretStore {
  let cipher: Promise<Cipher> | undefined;
  return createSealedStore(join(libraryDir, 'secrets.json'), () => (cipher ??= fileKey(join(libraryDir, 'secret.key')).then(aesCipher)));
}
