/** The portal's own MQTT connection: broker health, simulator control, and (audited) device commands. */
import mqtt, { type MqttClient } from 'mqtt';

export function connectPortalMqtt(url: string): MqttClient {
  return mqtt.connect(url, {
    clientId: `esms-portal-${process.pid}`,
    protocolVersion: 4, // aedes speaks 3.1.1 only
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
  });
}
