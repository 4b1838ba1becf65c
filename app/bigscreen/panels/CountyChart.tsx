'use client';
/** Right column: the counties side by side (sites, abnormal sites, active alarms); a bar click filters. */
import { memo, useMemo } from 'react';
import type { CountyFigures } from '../../../server/bigscreen/by-county.ts';
import { countyName } from '../../map/county-names.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { ANIM, AXIS_LABEL_ZH, SPLIT_LINE, TOOLTIP, useEchart } from '../useEchart.ts';
import { STATUS_COLOURS } from '../../../lib/domain/vocabulary/index.ts';
import st from '../stage.module.css';

export const CountyChart = memo(function CountyChart(props: {
  data: CountyFigures[] | null;
  county: number | null;
  onCounty: (adcode: number) => void;
  lang: Lang;
  t: (k: Word) => string;
  style?: React.CSSProperties;
}) {
  const { data, county, lang, t } = props;
  const en = lang === 'en';
  const rows = useMemo(
    () => (data ? [...data].sort((a, b) => a.sitesAbnormal - b.sitesAbnormal || a.activeAlarms - b.activeAlarms || a.risk - b.risk) : []),
    [data],
  );
  const option = useMemo(() => {
    if (!data) return null;
    const name = (a: number) => countyName(a, lang).replace(/ (District|County)$/, '');
    const dim = (a: number) => county != null && a !== county;
    return {
      ...ANIM,
      grid: { left: 6, right: 84, top: 2, bottom: 2, containLabel: true },
      tooltip: {
        ...TOOLTIP,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
      },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: SPLIT_LINE },
      yAxis: {
        type: 'category',
        data: rows.map((r) => name(r.adcode)),
        axisLabel: { ...AXIS_LABEL_ZH, fontSize: en ? 15 : 18, interval: 0 },
        axisTick: { show: false },
        axisLine: { show: false },
        triggerEvent: true,
      },
      series: [
        {
          id: 'sites',
          name: t('monitoredSites'),
          type: 'bar',
          barWidth: 10,
          barGap: '-100%',
          itemStyle: { color: 'rgba(56,198,255,0.22)' },
          data: rows.map((r) => ({ value: r.sites, itemStyle: { opacity: dim(r.adcode) ? 0.35 : 1 } })),
          z: 1,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => {
              const r = rows[p.dataIndex];
              return `{a|${r.activeAlarms}} {b|/ ${r.sites.toLocaleString('en-US')}}`;
            },
            rich: { a: { color: '#ff7a7c', fontSize: 17, fontWeight: 700 }, b: { color: '#9cc0e6', fontSize: 15 } },
          },
        },
        {
          id: 'abnormal',
          name: t('abnormalSites'),
          type: 'bar',
          barWidth: 10,
          itemStyle: { color: STATUS_COLOURS.alarm },
          data: rows.map((r) => ({ value: r.sitesAbnormal, itemStyle: { opacity: dim(r.adcode) ? 0.35 : 1 } })),
          z: 2,
        },
      ],
    };
  }, [data, rows, county, lang, en]);
  // a bar or a county name: both filter
  const ref = useEchart(option, (p) => {
    const label =
      (p as { componentType?: string; value?: unknown }).componentType === 'yAxis' ? String((p as { value?: unknown }).value) : null;
    const r = label != null ? rows.find((x) => countyName(x.adcode, lang).startsWith(label)) : rows[p.dataIndex];
    if (r) props.onCounty(r.adcode);
  });
  return (
    <section className={st.frame} style={props.style} aria-label={t('byCounty')} data-testid="county-panel" data-filled={data ? '1' : '0'}>
      <div className={st.panelHead}>
        <h2 className={st.panelTitle}>{t('byCounty')}</h2>
        <span className={st.panelNote}>
          <i style={{ color: STATUS_COLOURS.alarm }}>■</i> {t('abnormalSites')} · {t('alarmsPerSite')}
        </span>
      </div>
      <div className={st.panelBody} style={{ height: 'calc(100% - 44px)' }}>
        <div ref={ref} className={st.chart} />
      </div>
    </section>
  );
});
