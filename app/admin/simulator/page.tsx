/** /admin/simulator — inject a fault, nuisance, sensor fault or outage into the fleet simulator (permission 'simulator.inject'). */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { SimulatorPanel } from './SimulatorPanel.tsx';
import s from './simulator.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '模拟器故障注入 · Simulator' };

export default async function SimulatorAdmin() {
  const me = await currentPrincipal();
  if (!me) redirect('/login?next=%2Fadmin%2Fsimulator');
  if (!can(me.role, 'simulator.inject')) redirect('/');
  return (
    <main className={s.page}>
      <header className={s.head}>
        <h1>
          模拟器故障注入 <small>Fleet simulator · fault injection</small>
        </h1>
        <nav>
          <a href="/">总览 Overview</a> · {me.displayName}
        </nav>
      </header>
      <p className={s.note}>
        注入的故障由模拟器按物理模型发展；“加速”使故障自身的发展快若干倍（线路的热惯性不变）。真实结果（开始、达到危险的时刻）记录在下方列表。
      </p>
      <SimulatorPanel />
    </main>
  );
}
