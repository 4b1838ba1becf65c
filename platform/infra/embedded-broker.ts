/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1) used when MQTT_URL is not set. Runs as its own supervised
 * process so a crash of the portal never takes the device link down (and vice versa).
 */
import { Aedes } from 'aedes';
import net from 'node:net';

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
}

export async function startEmbeddedBroker(port: number, host = '127.0.0.1'): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker({ concurrency: 1000 });
  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as net.AddressInfo).port;
  return {
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => broker.close(() => resolve()));
        // drop connected clients so close() does not wait for them
        for (const c of Object.values((broker as unknown as { clients: Record<string, { close(): void }> }).clients)) c.close();
      }),
  };
}
