'use client';
/**
 * The 1920×1080 design stage, scaled by one factor to the window (CSS transform: text and vectors stay
 * crisp). WebGL and canvas children read the factor from context to render at the screen's real resolution.
 */
import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react';
import { DESIGN_H, DESIGN_W, stageGeometry, type StageGeometry } from './lib/scale.ts';
import s from './stage.module.css';

const Ctx = createContext<StageGeometry>({ scale: 1, width: DESIGN_W, height: DESIGN_H });
export const useStage = () => useContext(Ctx);

export function Stage({ children }: { children: ReactNode }) {
  const [g, setG] = useState<StageGeometry>({ scale: 1, width: DESIGN_W, height: DESIGN_H });
  useLayoutEffect(() => {
    const on = () => setG(stageGeometry(window.innerWidth, window.innerHeight));
    on();
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return (
    <Ctx.Provider value={g}>
      <div className={s.viewport}>
        <div
          className={s.stage}
          data-testid="bigscreen-stage"
          data-scale={g.scale.toFixed(3)}
          style={{ width: g.width, height: g.height, transform: `scale(${g.scale})` }}
        >
          {children}
        </div>
      </div>
    </Ctx.Provider>
  );
}
