'use client';
/**
 * One echarts instance per panel, created once (SVG renderer: vector, crisp at any stage scale) and updated
 * with setOption merges so values animate instead of redrawing. Resizes with its box.
 */
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, ECharts } from 'echarts/core';

let loading: Promise<typeof import('./echarts-setup.ts')> | null = null;
export const loadEcharts = () => (loading ??= import('./echarts-setup.ts'));

export type EOption = EChartsCoreOption;

export function useEchart(
  option: EOption | null,
  onClick?: (p: { name: string; dataIndex: number; seriesName?: string }) => void,
  onRendered?: () => void,
) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pending = useRef<EOption | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    void loadEcharts().then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current = c;
      c.on('click', (p) => clickRef.current?.(p as never));
      ro = new ResizeObserver(() => c.resize());
      ro.observe(el.current);
      if (pending.current) apply(pending.current);
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  // a refresh with the same numbers changes nothing on screen (and starts no animation)
  const last = useRef('');
  const apply = (o: EOption) => {
    pending.current = o;
    if (!chart.current) return;
    const key = JSON.stringify(o);
    if (key === last.current) return;
    last.current = key;
    chart.current.setOption(o, { notMerge: false, lazyUpdate: true });
    onRendered?.();
  };
  useEffect(() => {
    if (option) apply(option);
  }, [option]);

  return el;
}

/** shared styling: the accent, axis and label sizes legible at 3–8 m */
export const AXIS_LABEL = { color: '#a9c6e8', fontSize: 16, fontFamily: 'Noto Sans CJK SC, sans-serif' };
export const AXIS_LABEL_ZH = { ...AXIS_LABEL, fontSize: 18 };
export const SPLIT_LINE = { lineStyle: { color: 'rgba(56,198,255,0.12)' } };
export const AXIS_LINE = { lineStyle: { color: 'rgba(56,198,255,0.35)' } };
export const TOOLTIP = {
  backgroundColor: 'rgba(6,18,38,0.95)',
  borderColor: 'rgba(56,198,255,0.6)',
  textStyle: { color: '#e6f0ff', fontSize: 18 },
};
/** short transitions: each animated frame of an SVG chart is main-thread work and a frame for the (software) GPU */
export const ANIM = { animationDuration: 500, animationDurationUpdate: 450, animationEasingUpdate: 'cubicOut' as const };
