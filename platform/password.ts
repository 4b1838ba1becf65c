/** Password hashing: Argon2id (OWASP parameters) via @node-rs/argon2. */
import { hash, verify } from '@node-rs/argon2';

const OPTS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

// A valid hash of a random string: verifying against it when the user does not exist keeps timing uniform.
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vw1Nl9kVYbdzqE9ZgB1AyTqfIg0bBEZq5iQHFBC+Gv0';
