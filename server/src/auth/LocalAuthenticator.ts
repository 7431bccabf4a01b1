import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../../common/errors.js';
import type { User } from '../../../common/protocol/auth.js';
import type { SessionRepository } from '../db/SessionRepository.js';
import type { UserRepository } from '../db/UserRepository.js';
import type { Authenticator, IssuedSession, LoginContext } from './authenticator.js';
import type { LoginThrottle } from './LoginThrottle.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface LocalAuthenticatorOptions {
  users: UserRepository;
  sessions: SessionRepository;
  throttle: LoginThrottle;
  sessionTtlMs: number;
  now?: () => number;
}

/** Longer tokens are refused unhashed (issued ones are 43 characters). */
const MAX_TOKEN_LENGTH = 200;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Sign-in with a login and an argon2id-hashed password; opaque random session tokens. */
export class LocalAuthenticator implements Authenticator {
  private readonly now: () => number;
  /** Verified against when the login is unknown, so both failures take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(private readonly options: LocalAuthenticatorOptions) {
    this.now = options.now ?? Date.now;
    this.decoyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async authenticate(login: string, password: string, context: LoginContext): Promise<IssuedSession> {
    const key = `${context.ip}\n${login.toLowerCase()}`;
    if (this.options.throttle.isBlocked(key)) {
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins; try again later');
    }
    // Counted as a failure before the (slow) check and cleared on success, so guesses sent all
    // at once cannot each pass the limit while the others are still being checked.
    this.options.throttle.fail(key);
    const found = this.options.users.findByLogin(login);
    const valid = await verifyPassword(found?.passwordHash ?? (await this.decoyHash), password);
    if (!found || !valid) throw new DomainError('UNAUTHENTICATED', 'Wrong login or password');
    this.options.throttle.succeed(key);
    return this.issue(found.user);
  }

  async verifyToken(token: string): Promise<User> {
    const session =
      token.length > 0 && token.length <= MAX_TOKEN_LENGTH ? this.options.sessions.find(hashToken(token)) : undefined;
    if (!session) throw new DomainError('UNAUTHENTICATED', 'Unknown session');
    if (session.expiresAt <= this.now()) throw new DomainError('SESSION_EXPIRED', 'The session has expired');
    const user = this.options.users.findById(session.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Unknown session');
    return user;
  }

  async revoke(token: string): Promise<void> {
    this.options.sessions.delete(hashToken(token));
  }

  /** Creates a session for a user who proved who they are. */
  issue(user: User): IssuedSession {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = createdAt + this.options.sessionTtlMs;
    this.options.sessions.create({ tokenHash: hashToken(token), userId: user.id, createdAt, expiresAt });
    return { token, expiresAt: new Date(expiresAt), user };
  }
}
