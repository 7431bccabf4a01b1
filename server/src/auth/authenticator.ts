import type { User } from '../../../common/protocol/auth.js';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  user: User;
}

export interface LoginContext {
  /** The caller's address, for throttling repeated failures. */
  ip: string;
}

/**
 * How the server knows who is calling. The password sign-in below is the first implementation;
 * the school account model (and single sign-on) will provide another behind the same interface.
 */
export interface Authenticator {
  /** A new session for valid credentials. Throws DomainError UNAUTHENTICATED or RATE_LIMITED. */
  authenticate(login: string, password: string, context: LoginContext): Promise<IssuedSession>;
  /** The signed-in user of a token. Throws DomainError UNAUTHENTICATED or SESSION_EXPIRED. */
  verifyToken(token: string): Promise<User>;
  /** Ends the session of the token; unknown tokens are ignored. */
  revoke(token: string): Promise<void>;
}
