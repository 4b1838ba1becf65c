import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: '昌都市智慧式用电安全管理平台',
  description: 'Changdu smart electrical-safety platform',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0a1628' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
