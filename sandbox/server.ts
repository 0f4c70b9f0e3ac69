import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions, toFetchResponse } from './index';

export interface RunningSandbox {
  sandbox: Sandbox;
  server: Server;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves a sandbox on 127.0.0.1 only; port 0 picks a free one. */
export async function startSandboxServer(
  options: SandboxOptions & { port?: number } = {},
): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const server = createServer(async (request, reply) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[key] = value;
      }
      const answer = toFetchResponse(
        await sandbox.handle({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers,
          body: await readBody(request),
        }),
      );
      const replyHeaders: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        replyHeaders[key] = value;
      });
      reply.writeHead(answer.status, replyHeaders);
      reply.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      reply.writeHead(500, { 'content-type': 'application/json' });
      reply.end(JSON.stringify({ error: `sandbox crashed: ${(error as Error).message}` }));
    }
  });
  // A port already taken rejects here (EADDRINUSE) instead of crashing the process from an 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The line `npm run sandbox` prints first: where the APIs are and the demo credentials. */
export function describeSandbox(running: RunningSandbox) {
  const { seed } = running.sandbox;
  return {
    tiki: {
      baseUrl: `${running.origin}/tiki`,
      shops: seed.tiki.shops.map(({ sellerId, name, connectionKey, clientId, clientSecret }) => ({
        sellerId,
        name,
        connectionKey,
        clientId,
        clientSecret,
      })),
    },
    nhanh: {
      baseUrl: `${running.origin}/nhanh`,
      oauthUrl: `${running.origin}/nhanh-oauth`,
      appId: seed.nhanh.appId,
      secretKey: seed.nhanh.secretKey,
      businessId: seed.nhanh.businessId,
      accessToken: seed.nhanh.accessToken,
      accessTokenExpiredAt: seed.nhanh.accessTokenExpiredAt,
      depots: seed.nhanh.depots,
    },
    admin: `${running.origin}/__admin`,
  };
}
