/**
 * Pure physics core of the fleet simulator: no I/O, no wall clock, no Math.random. Time is always the sample
 * time passed in; randomness is seeded. The MQTT shell (workers/simulator) wraps DeviceModel/lines().
 */
export { Rng, hash32, hashString, mix32, noise1, fbm2, unit } from './rng.ts';
export { bjtDay, bjtHour, dayInfo, dayLengthH, DAY_MS, HOUR_MS, type DayInfo } from './calendar.ts';
export { loadFactor, darkness, heatingSeason } from './load.ts';
export { weather, weatherParts, rhAt, satVapour, type Weather, type WeatherParts } from './weather.ts';
export { ampacityA, deriveParams, circuitSeed, type CircuitParams, type ParamOverrides } from './params.ts';
export { CircuitModel, ARC_SUSTAINED_PER_S, type CircuitOptions, type ArcAlarm } from './circuit.ts';
export { panelEnv, panelParams, type PanelParams } from './panel.ts';
export { DeviceModel, deviceMessagesBetween, WARMUP_MS, type DeviceSpec, type DeviceMessage, type ReplayLine, type EventLine, type EventMessage, type StreamLine } from './device.ts';
export { mergeDevices, mergeDeviceStream } from './stream.ts';
export { EXPECTED, LIMITS, isDangerous, findDanger, simulateChannel, channelStats, type ChannelStats } from './truth.ts';
export { generateScenario, DEFAULT_FAULT_MIX, type Scenario, type ScenarioOptions, type CircuitLabel } from './scenario.ts';
export { buildFleet, type FleetDevice } from './registry.ts';
export * from './types.ts';
