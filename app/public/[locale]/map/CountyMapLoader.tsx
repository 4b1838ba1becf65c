'use client';
/**
 * The server-drawn county picture first (no script); maplibre (≈300 KB) is fetched only when the visitor asks
 * for the zoomable map, so a phone on a slow line is not made to pay for it.
 */
import { useState } from 'react';
import dynamic from 'next/dynamic';
import m from './map.module.css';

interface Props {
  names: Record<string, string>;
  rates: Record<string, string>;
  loading: string;
  attribution: string;
  label: string;
  show: string;
  preview: React.ReactNode;
}

const CountyMap = dynamic(() => import('./CountyMap.tsx'), {
  ssr: false,
  loading: () => (
    <div className={m.frame}>
      <div className={m.map} />
      <p className={m.picked} />
    </div>
  ),
});

export default function CountyMapLoader({ preview, show, ...props }: Props) {
  const [open, setOpen] = useState(false);
  if (open) return <CountyMap {...props} />;
  return (
    <div className={m.frame}>
      <div className={m.map}>{preview}</div>
      <p className={m.picked}>
        <button type="button" className={m.open} onClick={() => setOpen(true)}>{show}</button>
      </p>
    </div>
  );
}
