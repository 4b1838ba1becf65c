'use client';
/** The report preview (same HTML as the PDF) with a loading veil until it has rendered. */
import { useState } from 'react';
import g from './_ui/gov.module.css';

export function PreviewFrame({ src }: { src: string }) {
  const [loaded, setLoaded] = useState<string | null>(null);
  return (
    <div className={g.previewWrap}>
      <iframe key={src} className={g.preview} src={src} title="报告预览 Report preview" onLoad={() => setLoaded(src)} data-testid="report-preview" />
      {loaded !== src && (
        <div className={g.loadingVeil} role="status">
          <span className={g.spinner} aria-hidden="true" /> 正在生成报告… Generating report…
        </div>
      )}
    </div>
  );
}
