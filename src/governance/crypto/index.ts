/** Encryption at rest (SC-28): AES-256-GCM envelope encryption of fields under a rotatable master keyring. */
export { encryptField, type FieldCryptoOptions } from './encrypt-field.js';
export { decryptField } from './decrypt-field.js';
export { rewrapToken } from './rewrap-token.js';
export { fieldAad, type FieldLocation } from './field-aad.js';
export { isFieldToken, parseFieldToken, TOKEN_VERSION, type FieldToken } from './field-token.js';
export { Keyring } from './keyring.js';
export { generateMasterKey, keyIdOf, masterKeyFrom, type MasterKey } from './master-key.js';
export { defaultMasterKeyFile, readKeyFile, loadOrCreateKeyFile, writeKeyFile, type KeyFile } from './key-file.js';
export { loadKeyring, keyringFromEnvValue, type LoadKeyringOptions } from './load-keyring.js';
export { rotateMasterKey, dropRetiredKeys } from './rotate-master-key.js';
export { keyringCipher, type FieldCipher } from './field-cipher.js';
