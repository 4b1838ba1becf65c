/**
 * Device capabilities of a simulated detector, a deterministic property of (SEED, device id) — 75 % measure
 * voltage, 85 % count arcs, 95 % report panel ambient (as in the physics scenarios). The portal's simulator
 * page computes the same with the same SEED to offer only injections the device can show.
 */
import { hash32, hashString, unit } from './index.ts';

export interface DeviceCaps {
  voltage: boolean;
  arc: boolean;
  ambient: boolean;
}

export function deviceCaps(seed: number, device: string): DeviceCaps {
  const h = hashString(device);
  return {
    voltage: unit(hash32(seed, h, 0xca1)) < 0.75,
    arc: unit(hash32(seed, h, 0xca2)) < 0.85,
    ambient: unit(hash32(seed, h, 0xca3)) < 0.95,
  };
}
