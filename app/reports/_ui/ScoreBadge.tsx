/** A site's safety score with its explanation on hover/focus: each term's inputs and contribution (SCORE.md). */
import type { SiteScore } from '../../../server/supervision/score.ts';
import { GRADE_INFO } from '../../../server/supervision/score.ts';
import g from './gov.module.css';

export function ScoreBadge({ s, siteName }: { s: SiteScore | null; siteName: string }) {
  if (!s) return <span className={g.muted}>未接入 Not connected</span>;
  const grade = GRADE_INFO[s.grade];
  return (
    <button type="button" className={g.score} aria-label={`${siteName} 安全评分 ${s.score}，查看说明`} data-testid="score">
      <span className={g.scoreNum} style={{ color: grade.color }}>
        {s.score}
      </span>
      <span style={{ color: grade.color, fontSize: 12 }}>{grade.zh}</span>
      <span className={g.tip} role="tooltip" data-testid="score-tip">
        <header>
          <span>安全评分 Safety score</span>
          <span>
            {s.score} = 100 − {s.terms.reduce((a, t) => a + t.penalty, 0).toFixed(1)}
          </span>
        </header>
        <table>
          <tbody>
            {s.terms.map((t) => (
              <tr key={t.key} data-term={t.key}>
                <td>
                  {t.zh} <span className={g.muted}>{t.en}</span>
                  <br />
                  <span className={g.muted}>{t.detailZh}</span>
                </td>
                <td className={t.penalty ? undefined : g.zero}>
                  {t.penalty ? `−${t.penalty.toFixed(1)}` : '0'} <span className={g.muted}>/ {t.max}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer>五项扣分各有上限，合计 100；公式见 server/supervision/SCORE.md。Five capped penalties summing to at most 100.</footer>
      </span>
    </button>
  );
}
