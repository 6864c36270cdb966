import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { newPassword } from './secret-token';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), the OWASP baseline. */
@Injectable()
export class PasswordHasher {
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false; // a malformed stored hash never lets anyone in
    }
  }

  /** Spends the time of a real verification, so an unknown e-mail answers as slowly as a wrong password. */
  async verifyDecoy(password: string): Promise<false> {
    this.decoy ??= this.hash(newPassword());
    await this.verify(await this.decoy, password);
    return false;
  }
}
