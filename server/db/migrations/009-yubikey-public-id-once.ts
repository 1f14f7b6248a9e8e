import type { Db } from '../database';

/**
 * One Yubikey is one person's: no two users may hold the same public id. The portal refuses it with
 * 409 YUBIKEY_IN_USE (user-service.ts); these triggers refuse it in the schema too, for any writer.
 * Triggers, not a UNIQUE index: before this version two users could be given the same key, and a
 * unique index could not be built over such rows without taking a key from someone who signs in
 * with it. Rows that already share a key keep it (their other fields can still change); no new one
 * can be added. The index makes the look-up one probe.
 */
export function migration009YubikeyPublicIdOnce(db: Db): void {
  db.exec(`
    CREATE INDEX users_by_yubikey_public_id ON users (yubikey_public_id) WHERE yubikey_public_id IS NOT NULL;

    CREATE TRIGGER users_yubikey_public_id_once_insert BEFORE INSERT ON users
    WHEN NEW.yubikey_public_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM users WHERE yubikey_public_id = NEW.yubikey_public_id)
    BEGIN
      SELECT RAISE(ABORT, 'YUBIKEY_IN_USE: another user holds this Yubikey public id');
    END;

    CREATE TRIGGER users_yubikey_public_id_once_update BEFORE UPDATE OF yubikey_public_id ON users
    WHEN NEW.yubikey_public_id IS NOT NULL
      AND NEW.yubikey_public_id IS NOT OLD.yubikey_public_id
      AND EXISTS (SELECT 1 FROM users WHERE yubikey_public_id = NEW.yubikey_public_id AND id <> NEW.id)
    BEGIN
      SELECT RAISE(ABORT, 'YUBIKEY_IN_USE: another user holds this Yubikey public id');
    END;
  `);
}
