'use client';
/**
 * Sound and voice for new alarms. Browsers allow audio only after a user gesture, so the "启用声音" toggle
 * creates the AudioContext (and plays a short confirmation); the tone is synthesised (no file). Speech uses
 * speechSynthesis with a zh-CN voice when one is installed (en-US in English).
 */
import { useCallback, useRef, useState } from 'react';
import type { Severity } from '../../lib/protocol/v1.ts';

/** two-tone chime; critical alarms repeat it */
export function playTone(ctx: AudioContext, severity: Severity | 'ok') {
  const notes = severity === 'ok' ? [660] : severity === 'warning' ? [740, 587] : [880, 660];
  const repeats = severity === 'critical' ? 3 : 1;
  let t = ctx.currentTime + 0.02;
  for (let r = 0; r < repeats; r++)
    for (const f of notes) {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.type = 'sine';
      o.frequency.value = f;
      g.gain.setValueAtTime(0.0001, t);
      g.gain.exponentialRampToValueAtTime(0.35, t + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, t + 0.32);
      o.connect(g).connect(ctx.destination);
      o.start(t);
      o.stop(t + 0.34);
      t += 0.36;
    }
}

export function useAttention(lang: 'zh' | 'en') {
  const ctx = useRef<AudioContext | null>(null);
  const [sound, setSound] = useState(false);
  const [speech, setSpeech] = useState(false);
  const langRef = useRef(lang);
  langRef.current = lang;

  const toggleSound = useCallback(() => {
    setSound((on) => {
      if (on) return false;
      ctx.current ??= new AudioContext();
      void ctx.current.resume();
      playTone(ctx.current, 'ok');
      return true;
    });
  }, []);
  const toggleSpeech = useCallback(() => setSpeech((v) => !v), []);

  const soundRef = useRef(sound);
  soundRef.current = sound;
  const speechRef = useRef(speech);
  speechRef.current = speech;

  const announce = useCallback((severity: Severity, sentence: string) => {
    if (!soundRef.current || !ctx.current) return;
    playTone(ctx.current, severity);
    if (!speechRef.current || typeof speechSynthesis === 'undefined') return;
    const u = new SpeechSynthesisUtterance(sentence);
    const want = langRef.current === 'en' ? 'en' : 'zh';
    const voice =
      speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(want === 'zh' ? 'zh-cn' : 'en')) ??
      speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(want));
    if (voice) u.voice = voice;
    u.lang = want === 'zh' ? 'zh-CN' : 'en-US';
    u.rate = want === 'zh' ? 1 : 0.95;
    // after the chime
    setTimeout(() => speechSynthesis.speak(u), 800);
  }, []);

  return { sound, speech, toggleSound, toggleSpeech, announce };
}
