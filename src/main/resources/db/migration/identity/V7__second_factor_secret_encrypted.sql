-- The TOTP secret is now encrypted at rest (SecondFactorSecrets): secret holds Base64 of Tink AES-256-GCM ciphertext under
-- a key derived from the program's master key, with the account id as associated data; master_key_id names that master
-- key. NULL marks a row written before this change (the Base32 secret as it is); SecondFactorSecrets encrypts such rows
-- at start-up, one transaction per row, and again after a master key rotation.
ALTER TABLE identity.second_factor ADD COLUMN master_key_id TEXT;
