// A TCP link between a browser and the server that a test can cut and restore, as a school's
// network or a student's Wi-Fi does. Everything the page loads and its realtime socket go
// through it; media (ICE over UDP/TCP to the media ports) goes directly, as it would through a
// separate path.
import { createServer, connect, type Server, type Socket } from 'node:net';

export class NetworkLink {
  readonly #sockets = new Set<Socket>();
  #up = true;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async open(target: string): Promise<NetworkLink> {
    const { hostname, port } = new URL(target);
    const ready: { link?: NetworkLink } = {};
    const server = createServer((client) => ready.link?.accept(client, hostname, Number(port)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    ready.link = new NetworkLink(server, `http://127.0.0.1:${address.port}`);
    return ready.link;
  }

  private accept(client: Socket, host: string, port: number): void {
    if (!this.#up) {
      client.destroy();
      return;
    }
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }

  /** The network goes down: open connections break and new ones are refused. */
  cut(): void {
    this.#up = false;
    for (const socket of this.#sockets) socket.destroy();
  }

  restore(): void {
    this.#up = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
