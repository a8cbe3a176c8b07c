// Fixed ID-number keys for tests (never used anywhere else): the stored
// ciphertexts differ run to run (random IVs), the blind index does not.
process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 1).toString("base64");
process.env.PORTAL_INDEX_KEY ??= Buffer.alloc(32, 2).toString("base64");
