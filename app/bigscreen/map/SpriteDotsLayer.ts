/**
 * A ScatterplotLayer that draws each dot as one point sprite in a single non-instanced draw. Same props,
 * colours, picking and highlight as deck's ScatterplotLayer, always facing the screen (billboard).
 *
 * Why: SwiftShader (the software WebGL of walls without a GPU driver and of our CI) runs an instanced draw as
 * one draw per instance, ~30 µs each. 1,600 sites cost 40–60 ms of the GPU process per redraw, whatever the
 * dots' size, and on software compositing the frame that shows an update waits for all of it (a main-thread
 * long task at every 1 Hz update). The same 1,600 dots as points draw in ~5 ms. A real GPU is fast either way.
 *
 * Needs point sprites of the dot's size (gl_PointSize is clamped to the driver's maximum): where the device's
 * maximum is below MIN_SPRITE_PX the layer falls back to ScatterplotLayer's instanced quads.
 */
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import type { DefaultProps } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';

/** the largest sprite the wall draws: a 22 px halo at 4× the design pixel, with its smoothed edge */
const MIN_SPRITE_PX = 256;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME sprite-dots-vertex-shader

in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceRadius;
in float instanceLineWidths;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
in vec2 instancePixelOffset;

out vec4 vFillColor;
out vec4 vLineColor;
out float innerUnitRadius;
out float outerRadiusPixels;
out float edgePadding;

void main(void) {
  geometry.worldPosition = instancePositions;
  outerRadiusPixels = clamp(
    project_size_to_pixel(scatterplot.radiusScale * instanceRadius, scatterplot.radiusUnits),
    scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
  );
  float lineWidthPixels = clamp(
    project_size_to_pixel(scatterplot.lineWidthScale * instanceLineWidths, scatterplot.lineWidthUnits),
    scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
  );
  outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
  edgePadding = scatterplot.antialiasing ? (outerRadiusPixels + SMOOTH_EDGE_RADIUS) / outerRadiusPixels : 1.0;
  geometry.uv = vec2(0.0);
  // one vertex per object: its index is the vertex's
  geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID));
  innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / outerRadiusPixels;

  gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vec3 offset = vec3(instancePixelOffset, 0.0);
  DECKGL_FILTER_SIZE(offset, geometry);
  gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
  // the sprite's side in framebuffer pixels, scaled with depth as the billboarded quad would be
  gl_PointSize = 2.0 * edgePadding * outerRadiusPixels * project.devicePixelRatio * project.focalDistance / gl_Position.w;

  vFillColor = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFillColor, geometry);
  vLineColor = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;

/**
 * deck's own fragment shader, with the quad's interpolated unit position replaced by the sprite's: the sprite
 * spans [-edgePadding, edgePadding] of the unit circle, as ScatterplotLayer's quad does. null if deck's shader
 * no longer declares it so (the layer then draws instanced quads).
 */
function spriteFs(fs: string): string | null {
  const decl = 'in vec2 unitPosition;';
  if (!fs.includes(decl)) return null;
  return fs.replace(decl, 'in float edgePadding;\n#define unitPosition ((gl_PointCoord * 2.0 - 1.0) * edgePadding)');
}

/** whether this device draws point sprites as large as the wall needs (WebGL only; WebGPU has no sizes) */
function spritesFit(device: unknown): boolean {
  const gl = (device as { gl?: WebGL2RenderingContext }).gl;
  if (!gl) return false;
  const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
  return !!range && range[1] >= MIN_SPRITE_PX;
}

export class SpriteDotsLayer<DataT = unknown, ExtraProps extends object = object> extends ScatterplotLayer<DataT, ExtraProps> {
  static layerName = 'SpriteDotsLayer';
  static defaultProps = ScatterplotLayer.defaultProps as DefaultProps<ScatterplotLayerProps>;

  declare state: ScatterplotLayer['state'] & { sprites?: boolean };

  initializeState() {
    this.state.sprites = spritesFit(this.context.device) && spriteFs(super.getShaders().fs) !== null;
    super.initializeState();
  }

  getShaders() {
    const shaders = super.getShaders();
    return this.state.sprites ? { ...shaders, vs, fs: spriteFs(shaders.fs)! } : shaders;
  }

  draw(params: Parameters<ScatterplotLayer['draw']>[0]) {
    // deck sets the instance count of instanced models only; one vertex per object here
    if (this.state.sprites) this.state.model?.setVertexCount(this.getNumInstances());
    super.draw(params);
  }

  protected _getModel() {
    if (!this.state.sprites) return super._getModel();
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      // the per-object attributes step per vertex: one vertex (one sprite) per object
      bufferLayout: this.getAttributeManager()!
        .getBufferLayouts({ isInstanced: false })
        .map((l) => ({ ...l, stepMode: 'vertex' as const })),
      topology: 'point-list',
      isInstanced: false,
      vertexCount: 0,
    });
  }
}
