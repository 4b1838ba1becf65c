'use client';
/**
 * A circuit's trend (echarts, loaded on demand): temperature, current or residual current over the last
 * hour / day / week, max and average, with the circuit's limit drawn as a line. Refreshes every minute.
 */
import { useEffect, useRef, useState } from 'react';
import type { TrendPoint, TrendRange, TwinCircuit } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import s from './twin.module.css';
import { api } from '../../_lib/api/client.ts';
import { STATUS_COLOURS } from '../../../lib/domain/vocabulary/index.ts';

type Metric = 't' | 'i' | 'ir';
const METRIC: Record<Metric, { zh: string; en: string; unit: string; max: keyof TrendPoint; avg: keyof TrendPoint; color: string }> = {
  t: { zh: '温度', en: 'Temp.', unit: '°C', max: 'tMax', avg: 'tAvg', color: '#ff7a45' },
  i: { zh: '电流', en: 'Current', unit: 'A', max: 'iMax', avg: 'iAvg', color: '#38c6ff' },
  ir: { zh: '剩余电流', en: 'Residual', unit: 'mA', max: 'irMax', avg: 'irAvg', color: '#b38cff' },
};

type ECharts = { setOption: (o: unknown, notMerge?: boolean) => void; resize: () => void; dispose: () => void };

async function loadEcharts() {
  const [core, charts, comps, renderers] = await Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]);
  core.use([charts.LineChart, comps.GridComponent, comps.TooltipComponent, comps.LegendComponent, comps.MarkLineComponent, renderers.CanvasRenderer]);
  return core;
}

export function TrendChart({ lang, siteId, circuit }: { lang: Lang; siteId: string; circuit: TwinCircuit }) {
  const [range, setRange] = useState<TrendRange>('hour');
  const [metric, setMetric] = useState<Metric>('t');
  const [points, setPoints] = useState<TrendPoint[] | null>(null);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    const load = () =>
      api('GET /api/sites/:id/circuits/:circuitId/trend', { params: { id: siteId, circuitId: circuit.id }, query: { range }, signal: ac.signal }).then(
        (d) => setPoints(d.points),
        () => !ac.signal.aborted && setPoints((p) => p ?? []),
      );
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      ac.abort();
      clearInterval(timer);
    };
  }, [siteId, circuit.id, range]);

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    void loadEcharts().then((ec) => {
      if (disposed || !el.current) return;
      chart.current = ec.init(el.current, 'dark', { renderer: 'canvas' }) as unknown as ECharts;
      ro = new ResizeObserver(() => chart.current?.resize());
      ro.observe(el.current);
      setPoints((p) => (p ? [...p] : p)); // redraw with what is loaded
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current || !points) return;
    const m = METRIC[metric];
    const limit = metric === 't' ? circuit.maxConductorC : metric === 'i' ? circuit.ratedCurrentA : circuit.residualSetMa;
    const series = (key: keyof TrendPoint, name: string, width: number, opacity: number) => ({
      type: 'line', name, showSymbol: false, sampling: 'lttb', lineStyle: { width, opacity }, itemStyle: { color: m.color },
      data: points.map((p) => [p.t, p[key]]),
    });
    chart.current.setOption(
      {
        backgroundColor: 'transparent',
        animation: false,
        grid: { left: 44, right: 14, top: 26, bottom: 24 },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '—' : `${v.toFixed(1)} ${m.unit}`) },
        legend: { top: 0, right: 0, textStyle: { color: '#8aa4c8', fontSize: 11 }, itemHeight: 6 },
        xAxis: { type: 'time', axisLabel: { color: '#8aa4c8', fontSize: 10, hideOverlap: true } },
        yAxis: { type: 'value', name: m.unit, nameTextStyle: { color: '#8aa4c8' }, axisLabel: { color: '#8aa4c8', fontSize: 10 }, splitLine: { lineStyle: { color: '#1f3a5f' } }, max: (v: { max: number }) => Math.ceil(Math.max(v.max, limit) * 1.08) },
        series: [
          { ...series(m.max, tw(lang, 'max'), 2, 1), markLine: { symbol: 'none', silent: true, lineStyle: { color: STATUS_COLOURS.alarm, type: 'dashed' }, label: { color: STATUS_COLOURS.alarm, formatter: `${limit} ${m.unit}` }, data: [{ yAxis: limit }] } },
          series(m.avg, tw(lang, 'avg'), 1, 0.55),
        ],
      },
      true,
    );
  }, [points, metric, lang, circuit]);

  return (
    <section className={s.trend} data-testid="twin-trend">
      <header>
        <h3>{tw(lang, 'trend')}</h3>
        <div className={s.seg}>
          {(Object.keys(METRIC) as Metric[]).map((k) => (
            <button key={k} className={s.segBtn} aria-pressed={metric === k} onClick={() => setMetric(k)}>{METRIC[k][lang]}</button>
          ))}
        </div>
        <div className={s.seg}>
          {(['hour', 'day', 'week'] as TrendRange[]).map((r) => (
            <button key={r} className={s.segBtn} aria-pressed={range === r} onClick={() => setRange(r)}>{tw(lang, r)}</button>
          ))}
        </div>
      </header>
      <div ref={el} className={s.chart} />
      {points && points.length === 0 && <p className={s.muted}>{tw(lang, 'noTrend')}</p>}
    </section>
  );
}
