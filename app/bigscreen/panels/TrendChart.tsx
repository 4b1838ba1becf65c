'use client';
/** Right column: alarms opened per hour / 6 h / day, stacked by severity, with a 24 h · 7 d · 30 d switch. */
import { memo, useMemo } from 'react';
import { SITE_STATUS_INFO } from '../../../lib/domain/vocabulary/index.ts';
import type { AlarmTrend } from '../../../server/bigscreen/trends.ts';
import { bucketLabel, type TrendRange } from '../../../lib/domain/bigscreen/buckets.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { ANIM, AXIS_LABEL, AXIS_LINE, SPLIT_LINE, TOOLTIP, useEchart } from '../useEchart.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import st from '../stage.module.css';

const RANGES: TrendRange[] = ['24h', '7d', '30d'];

export const TrendChart = memo(function TrendChart(props: {
  data: AlarmTrend | null;
  range: TrendRange;
  setRange: (r: TrendRange) => void;
  lang: Lang;
  t: (k: Word) => string;
  style?: React.CSSProperties;
}) {
  const { data, range, lang, t } = props;
  const en = lang === 'en';
  const option = useMemo(() => {
    if (!data) return null;
    const labels = data.t.map((x) => bucketLabel(data.range, x, lang));
    const s = (id: 'critical' | 'alarm' | 'warning') => ({
      id,
      name: pick(lang, SITE_STATUS_INFO[id]),
      type: 'bar',
      stack: 'n',
      barMaxWidth: 16,
      itemStyle: { color: SITE_STATUS_INFO[id].colour },
      data: data.series[id],
    });
    return {
      ...ANIM,
      legend: { right: 4, top: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: '#b9d3f0', fontSize: en ? 15 : 18 } },
      grid: { left: 6, right: 10, top: 34, bottom: 4, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: {
          ...AXIS_LABEL,
          fontSize: 15,
          interval: data.range === '24h' ? 5 : data.range === '7d' ? 7 : 6,
          formatter: (v: string) => (data.range === '7d' ? v.slice(0, 5) : v),
        },
        axisLine: AXIS_LINE,
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...AXIS_LABEL, fontSize: 15 }, splitLine: SPLIT_LINE },
      series: [s('warning'), s('alarm'), s('critical')],
    };
  }, [data, en, lang]);
  const ref = useEchart(option);
  const total = data ? data.series.warning.concat(data.series.alarm, data.series.critical).reduce((a, b) => a + b, 0) : null;
  return (
    <section className={st.frame} style={props.style} aria-label={t('trend')} data-testid="trend-panel" data-filled={data ? '1' : '0'}>
      <div className={st.panelHead}>
        <h2 className={st.panelTitle}>{t('trend')}</h2>
        {total != null && (
          <span className={st.panelNote} style={{ marginLeft: 'auto' }} data-testid="trend-total" data-value={total}>
            {en ? `${total.toLocaleString('en-US')} ${t('newInRange')}` : `${t('newInRange')} ${total.toLocaleString('en-US')} 条`}
          </span>
        )}
        <div className={st.seg} role="group" aria-label={t('trend')}>
          {RANGES.map((r) => (
            <button key={r} type="button" aria-pressed={range === r} onClick={() => props.setRange(r)}>
              {en ? r : r === '24h' ? '24时' : r === '7d' ? '7天' : '30天'}
            </button>
          ))}
        </div>
      </div>
      <div className={st.panelBody} style={{ height: 'calc(100% - 44px)', paddingTop: 6 }}>
        <div ref={ref} className={st.chart} />
      </div>
    </section>
  );
});
