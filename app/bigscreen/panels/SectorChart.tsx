'use client';
/** Left column: sites per sector, stacked by condition (normal / abnormal / offline), active alarms on the right. */
import { memo, useMemo } from 'react';
import { categoryLabel, SITE_STATUS_INFO } from '../../../lib/domain/vocabulary/index.ts';
import type { SectorFigures } from '../../../server/bigscreen/by-sector.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { ANIM, AXIS_LABEL, AXIS_LABEL_ZH, SPLIT_LINE, TOOLTIP, useEchart } from '../useEchart.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import st from '../stage.module.css';

export const SectorChart = memo(function SectorChart({
  data,
  lang,
  t,
  style,
}: {
  data: SectorFigures[] | null;
  lang: Lang;
  t: (k: Word) => string;
  style?: React.CSSProperties;
}) {
  const en = lang === 'en';
  const option = useMemo(() => {
    if (!data) return null;
    const rows = data;
    const name = (c: string) => categoryLabel(c, lang, 'short');
    const bar = (id: string, label: string, colour: string, v: (r: SectorFigures) => number) => ({
      id,
      name: label,
      type: 'bar',
      stack: 'sites',
      barWidth: 16,
      itemStyle: { color: colour },
      data: rows.map(v),
    });
    return {
      ...ANIM,
      grid: { left: 4, right: 4, top: 24, bottom: 2, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'value', axisLabel: { show: false }, splitLine: SPLIT_LINE },
      xAxis: {
        type: 'category',
        data: rows.map((r) => name(r.category)),
        // ten names side by side at 18 px touch each other: the two characters stand one above the other
        // (English turns a little)
        // (every key in both: a language switch merges into the chart's option)
        axisLabel: en
          ? { ...AXIS_LABEL, fontSize: 15, interval: 0, margin: 6, rotate: 35, lineHeight: 17, formatter: (v: string) => v }
          : { ...AXIS_LABEL_ZH, interval: 0, margin: 6, rotate: 0, lineHeight: 19, formatter: (v: string) => [...v].join('\n') },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: 'rgba(56,198,255,0.35)' } },
      },
      series: [
        bar('normal', pick(lang, SITE_STATUS_INFO.normal), '#1fae88', (r) => r.sitesOnline - r.sitesAbnormal),
        bar('abnormal', t('abnormal'), SITE_STATUS_INFO.alarm.colour, (r) => r.sitesAbnormal),
        bar('offline', pick(lang, SITE_STATUS_INFO.offline), SITE_STATUS_INFO.offline.colour, (r) => r.sites - r.sitesOnline - r.sitesUnequipped),
        {
          ...bar('unequipped', pick(lang, SITE_STATUS_INFO.unequipped), SITE_STATUS_INFO.unequipped.colour, (r) => r.sitesUnequipped),
          label: {
            show: true,
            position: 'top',
            distance: 2,
            ...AXIS_LABEL,
            fontSize: 16,
            color: '#e6f0ff',
            formatter: (p: { dataIndex: number }) => rows[p.dataIndex].sites.toLocaleString('en-US'),
          },
        },
      ],
    };
  }, [data, en]);
  const ref = useEchart(option);
  return (
    <section className={st.frame} style={style} aria-label={t('bySector')} data-testid="sector-panel" data-filled={data ? '1' : '0'}>
      <div className={st.panelHead}>
        <h2 className={st.panelTitle}>{t('bySector')}</h2>
        <span className={st.panelNote}>
          <i style={{ color: '#1fae88' }}>■</i> {pick(lang, SITE_STATUS_INFO.normal)} <i style={{ color: SITE_STATUS_INFO.alarm.colour }}>■</i>{' '}
          {t('abnormal')} <i style={{ color: '#5b6b80' }}>■</i> {pick(lang, SITE_STATUS_INFO.offline)}
        </span>
      </div>
      <div className={st.panelBody} style={{ height: 'calc(100% - 44px)' }}>
        <div ref={ref} className={st.chart} />
      </div>
      {!data && <Title>{t('loading')}</Title>}
    </section>
  );
});

function Title({ children }: { children: React.ReactNode }) {
  return (
    <div style={{ position: 'absolute', inset: '44px 0 0', display: 'grid', placeItems: 'center', fontSize: 18, color: '#8fb3dc' }}>
      {children}
    </div>
  );
}
