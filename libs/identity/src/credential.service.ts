import { Injectable } from '@nestjs/common';
import type { Actor } from '@klausul/domain';
import { ApiKeyRepository } from './api-key.repository';
import { SessionRepository } from './session.repository';
import { digestOf } from './secret-token';

/** What a request presented to prove who it is. */
export type Credential = { kind: 'session'; token: string; fromCookie?: boolean } | { kind: 'apiKey'; key: string; fromCookie?: false };

export interface Authentication {
  actor: Actor;
  sessionId?: string;
  /** Set for a session: the person's name. */
  displayName?: string;
}

/** Turns a presented credential into the Actor behind it, or null if it is unknown, expired or revoked. */
@Injectable()
export class CredentialService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  async authenticate(credential: Credential): Promise<Authentication | null> {
    if (credential.kind === 'session') return this.sessions.findActor(digestOf(credential.token));
    const actor = await this.apiKeys.findActor(digestOf(credential.key));
    return actor ? { actor } : null;
  }
}
