/**
 * Member tokens in the desktop app: sealed with Electron `safeStorage` (Keychain on macOS, DPAPI
 * on Windows) before they touch the disk. Where the OS offers no encryption, the file store of
 * core is used instead.
 */
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createFileSecretStore, createSealedStore, type SecretStore } from '../core/index.js';

export function desktopSecretStore(libraryDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return createFileSecretStore(libraryDir);
  return createSealedStore(join(libraryDir, 'secrets.safe.json'), async () => ({
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  }));
}
