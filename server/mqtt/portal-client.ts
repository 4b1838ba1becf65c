/**
 * The portal's own MQTT connection: broker health, simulator control, and (audited) device commands. It connects
 * as the esms-portal service account, the only principal the brokers let publish on command and control topics.
 */
import mqtt, { type MqttClient } from 'mqtt';

export function connectPortalMqtt(url: string, credential?: { username: string; password: string }): MqttClient {
  return mqtt.connect(url, {
    // the service account's own name: Mosquitto names sessions by username, aedes requires username[.suffix]
    clientId: credential?.username ?? `esms-portal-${process.pid}`,
    username: credential?.username,
    password: credential?.password,
    protocolVersion: 4, // aedes speaks 3.1.1 only
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
  });
}
