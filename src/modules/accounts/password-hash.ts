/**
 * argon2id password hashing (OWASP's first choice). Parameters: OWASP minimum m=19 MiB, t=2, p=1.
 * The password is hashed in its NFKC form (NIST SP 800-63B 5.1.1.2: normalise Unicode before hashing),
 * so the same password typed with another input method (full-width with the IME on, NFD from another
 * system) signs in; nothing else is changed: no trimming, no truncation, no case folding.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const normalised = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string): Promise<string> {
  return hash(normalised(password), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    const folded = normalised(password);
    if (await verify(stored, folded)) return true;
    // A hash written before passwords were normalised: the password as typed then.
    return folded !== password && (await verify(stored, password));
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist (equal timing). */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}
