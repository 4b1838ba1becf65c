/**
 * Rendering quality by what draws the pixels. With software WebGL (SwiftShader, llvmpipe: office PCs without
 * a GPU driver, remote desktops, VMs) every pixel is shaded on the CPU, and MSAA and shadow-map lookups cost
 * about half the frame rate, so they are left out there. `?quality=high|low` overrides the guess.
 */
export interface Quality {
  level: 'high' | 'low';
  antialias: boolean;
  shadows: boolean;
  maxPixelRatio: number;
  /** the GL renderer's name, as reported */
  renderer: string;
}

let probed: string | null = null;

/** The WebGL renderer's name from a throwaway context (once per page). */
function rendererName(): string {
  if (probed !== null) return probed;
  probed = '';
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      probed = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // no WebGL at all: the engine's own context creation reports it
  }
  return probed;
}

export const isSoftwareGl = (name: string) => /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);

export function pickQuality(search: string): Quality {
  const forced = new URLSearchParams(search).get('quality');
  const renderer = rendererName();
  const level = forced === 'high' || forced === 'low' ? forced : isSoftwareGl(renderer) ? 'low' : 'high';
  return level === 'high'
    ? { level, antialias: true, shadows: true, maxPixelRatio: 1.5, renderer }
    : { level, antialias: false, shadows: false, maxPixelRatio: 1, renderer };
}
