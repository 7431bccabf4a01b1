import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../../common/errors.js';
import {
  loginRequestSchema,
  type ClassSummary,
  type LoginResponse,
  type User,
} from '../../../common/protocol/auth.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { ClassRepository } from '../db/ClassRepository.js';
import type { LessonCounts } from '../lessons/LessonRegistry.js';

export interface HealthReport extends LessonCounts {
  status: 'ok';
  workers: number;
}

export interface ApiDeps {
  auth: Authenticator;
  classes: ClassRepository;
  /** The live lesson id of a class, if its lesson runs. */
  liveLessonId(classId: string): string | null;
  health(): HealthReport;
  /** Someone signed out with this token (already revoked): end what still runs on it. */
  sessionEnded(token: string): void;
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
  return match[1];
}

/** The JSON API under /api. Bodies are parsed with the shared zod schemas; errors are thrown as DomainError. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const signedIn = (request: FastifyRequest): Promise<User> => deps.auth.verifyToken(bearerToken(request));

  app.post('/api/auth/login', async (request): Promise<LoginResponse> => {
    const parsed = loginRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new DomainError('BAD_REQUEST', 'Send {login, password}');
    const session = await deps.auth.authenticate(parsed.data.login, parsed.data.password, { ip: request.ip });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = bearerToken(request);
    await deps.auth.revoke(token);
    deps.sessionEnded(token);
    return reply.status(204).send();
  });

  app.get('/api/me', async (request): Promise<User> => signedIn(request));

  app.get('/api/classes', async (request): Promise<ClassSummary[]> => {
    const user = await signedIn(request);
    return deps.classes.listForMember(user.id).map((cls) => ({ ...cls, liveLessonId: deps.liveLessonId(cls.id) }));
  });

  app.get('/api/health', async (): Promise<HealthReport> => deps.health());
}
