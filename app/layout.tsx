import type { Metadata, Viewport } from 'next';
import type { CSSProperties } from 'react';
import { STATUS_CSS_VARS } from '../lib/domain/vocabulary/index.ts';
import './globals.css';

export const metadata: Metadata = {
  title: '昌都市智慧式用电安全管理平台',
  description: 'Changdu smart electrical-safety platform',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0a1628' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // the status palette as CSS custom properties, once for every style sheet
    <html lang="zh-CN" style={STATUS_CSS_VARS as CSSProperties}>
      <body>{children}</body>
    </html>
  );
}
