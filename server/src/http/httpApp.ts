import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from '../logger.js';
import { registerCors } from './cors.js';
import { toHttpError } from './errors.js';
import { registerApiRoutes, type ApiDeps } from './routes.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

export interface HttpAppOptions extends ApiDeps {
  logger: Logger;
  /** The built web client; served (with an SPA fallback to index.html) when it has an index.html. */
  webRoot: string;
  /** Page origins (besides this server's own) allowed to call the API. */
  corsOrigins: readonly string[];
}

/** Largest request body accepted; anything bigger is answered 413 PAYLOAD_TOO_LARGE. */
const BODY_LIMIT = 64 * 1024;

/**
 * The fastify app: the JSON API, the web client, and JSON errors `{error:{code,message}}` with
 * the matching status for everything that goes wrong. Security headers go on every response.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger.child({ module: 'http' }),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;

  registerCors(app, options.corsOrigins);
  app.addHook('onSend', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(error);
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.status(status).send(body);
  });

  registerApiRoutes(app, options);

  const webClient = existsSync(join(options.webRoot, 'index.html'));
  if (webClient) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      // Files whose names start with a dot (.env, .git/...) are never part of the client.
      dotfiles: 'ignore',
      setHeaders: (reply, path) => {
        // Built assets carry a content hash in their names; the page itself must be revalidated.
        const hashed = path.startsWith(join(options.webRoot, 'assets') + sep);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && extname(path) === '';
    if (webClient && isPage && !path.startsWith('/api/') && !path.startsWith('/socket.io/')) {
      // The web client routes in the browser: every page path gets the same index.html.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const message = webClient || path.startsWith('/api/') ? `No route ${request.method} ${path}` : 'The web client is not built (npm run build:web)';
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message } });
  });

  return app;
}
