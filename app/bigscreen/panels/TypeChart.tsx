'use client';
/** Left column, bottom: active alarms by type (or, when none is active, the last 7 days' types). */
import { memo, useMemo } from 'react';
import type { LiveKpis } from '../../../server/bigscreen/kpis.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { ANIM, AXIS_LABEL, AXIS_LABEL_ZH, SPLIT_LINE, TOOLTIP, useEchart } from '../useEchart.ts';
import { alarmTypeLabel, isFaultType, STATUS_COLOURS } from '../../../lib/domain/vocabulary/index.ts';
import st from '../stage.module.css';

export const TypeChart = memo(function TypeChart({
  kpis,
  lang,
  t,
  style,
}: {
  kpis: LiveKpis | null;
  lang: Lang;
  t: (k: Word) => string;
  style?: React.CSSProperties;
}) {
  const en = lang === 'en';
  const active = !!kpis && kpis.activeAlarms > 0;
  const option = useMemo(() => {
    if (!kpis) return null;
    const src = active ? kpis.alarmsByType : kpis.alarms7dByType;
    const rows = Object.entries(src)
      .filter(([k, n]) => (n ?? 0) > 0 && !isFaultType(k))
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .slice(0, 5)
      .reverse();
    const name = (k: string) => alarmTypeLabel(k, lang, 'short');
    return {
      ...ANIM,
      grid: { left: 8, right: 48, top: 2, bottom: 2, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'item' },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: SPLIT_LINE, minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map(([k]) => name(k)),
        axisLabel: { ...AXIS_LABEL_ZH, fontSize: en ? 16 : 18, interval: 0 },
        axisTick: { show: false },
        axisLine: { show: false },
      },
      series: [
        {
          id: 'types',
          type: 'bar',
          barWidth: 12,
          data: rows.map(([, n]) => n),
          itemStyle: {
            borderRadius: [0, 6, 6, 0],
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 1,
              y2: 0,
              colorStops: [
                { offset: 0, color: 'rgba(56,198,255,0.25)' },
                { offset: 1, color: '#38c6ff' },
              ],
            },
          },
          label: { show: true, position: 'right', ...AXIS_LABEL, color: '#e6f0ff' },
        },
      ],
    };
  }, [kpis, active, en]);
  const ref = useEchart(option);
  const empty = !!kpis && Object.entries(active ? kpis.alarmsByType : kpis.alarms7dByType).every(([k, n]) => !n || isFaultType(k));
  return (
    <section className={st.frame} style={style} aria-label={t('byType')} data-testid="type-panel" data-filled={kpis ? '1' : '0'}>
      <div className={st.panelHead}>
        <h2 className={st.panelTitle}>{t('byType')}</h2>
        <span className={st.panelNote}>{active ? t('activeAlarms') : t('last7d')}</span>
      </div>
      <div className={st.panelBody} style={{ height: 'calc(100% - 44px)' }}>
        <div ref={ref} className={st.chart} style={{ visibility: empty ? 'hidden' : 'visible' }} />
        {empty && (
          <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', fontSize: 18, color: STATUS_COLOURS.normal }}>
            ✓ {t('noAlarms')}
          </div>
        )}
      </div>
    </section>
  );
});
