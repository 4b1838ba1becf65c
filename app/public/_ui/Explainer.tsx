/** The animated explainer (CSS/SVG, no script): sensor → platform → warning → repair. Words are HTML. */
import { STATUS_COLOURS } from '@/lib/domain/vocabulary/index.ts';
import x from './explainer.module.css';

export interface ExplainerText {
  title: string;
  steps: { title: string; text: string }[];
}

export function Explainer({ text }: { text: ExplainerText }) {
  return (
    <section aria-labelledby="explainer-h" className={x.wrap}>
      <h2 id="explainer-h" style={{ marginTop: 4 }}>{text.title}</h2>
      <svg className={x.svg} viewBox="0 0 400 104" role="img" aria-labelledby="explainer-h" width="400" height="104">
        <line className={x.line} x1="50" y1="50" x2="350" y2="50" />
        <circle className={x.pulse} cx="50" cy="50" r="7" fill="#f2a900" />
        {/* 1 sensor in a fuse box */}
        <g className={`${x.station} ${x.s1}`}>
          <circle className={x.ring} cx="50" cy="50" r="36" />
          <rect x="33" y="30" width="34" height="40" rx="4" fill="#8a99ad" />
          <rect x="39" y="36" width="22" height="14" rx="2" fill="#eef3f8" />
          <circle cx="56" cy="43" r="3" fill={STATUS_COLOURS.normal} />
          <path d="M40 58h4m4 0h4m4 0h4" stroke="#eef3f8" strokeWidth="3" strokeLinecap="round" />
        </g>
        {/* 2 platform screen */}
        <g className={`${x.station} ${x.s2}`}>
          <circle className={x.ring} cx="150" cy="50" r="36" />
          <rect x="126" y="32" width="48" height="32" rx="4" fill="#0b5cad" />
          <path d="M131 56l9-9 7 5 9-12 9 7" stroke="#9fd3ff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M142 70h16" stroke="#0b5cad" strokeWidth="4" strokeLinecap="round" />
        </g>
        {/* 3 warning on a phone */}
        <g className={`${x.station} ${x.s3}`}>
          <circle className={x.ring} cx="250" cy="50" r="36" />
          <rect x="236" y="24" width="28" height="52" rx="5" fill="#1b2430" />
          <rect x="239" y="30" width="22" height="38" rx="2" fill="#fff" />
          <g className={x.alertMark}>
            <path d="M250 36l9 16h-18z" fill={STATUS_COLOURS.alarm} />
            <path d="M250 41v6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
            <circle cx="250" cy="49.5" r="1.2" fill="#fff" />
          </g>
          <path d="M244 60h12" stroke="#8a99ad" strokeWidth="2" strokeLinecap="round" />
        </g>
        {/* 4 repair: wrench and tick */}
        <g className={`${x.station} ${x.s4}`}>
          <circle className={x.ring} cx="350" cy="50" r="36" />
          <path d="M333 66l16-16a9 9 0 0 1 11-12l-6 6 2 4 4 2 6-6a9 9 0 0 1-12 11l-16 16z" fill="#5b6b80" />
          <circle cx="362" cy="64" r="9" fill="#177245" />
          <path d="M357.5 64l3 3 6-6" stroke="#fff" strokeWidth="2.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </g>
      </svg>
      <ol className={x.steps}>
        {text.steps.map((st) => (
          <li key={st.title}>
            <h3>{st.title}</h3>
            <p>{st.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
