import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id: the enum is an ambient const enum, which isolatedModules cannot read. */
const ARGON2ID = 2;

/** argon2id with the library's defaults (about 70 ms here): slow enough to hurt guessing. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the username does not exist, so a wrong
 * username costs the same time as a wrong password and does not reveal which accounts exist.
 */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}
