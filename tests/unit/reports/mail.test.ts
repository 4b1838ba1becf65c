import { describe, expect, it } from 'vitest';
import { reportMail } from '../../../lib/domain/reports/mail.ts';

describe('report e-mail', () => {
  const facts = {
    deliveryId: 42,
    title: '卡若区智慧式用电安全管理月度报告（2026年11月）',
    reportNo: 'CD-YB-20261201-0007',
    regionLabel: '卡若区 · 全部行业',
    issuedByName: '卡若区安委办',
    issuedAt: new Date('2026-12-01T00:00:05Z'),
    files: [
      { filename: 'a.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-') },
      { filename: 'a.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: Buffer.from('PK') },
    ],
    link: 'https://esms.example/reports#deliveries',
  };
  it('carries every file, a stable Message-ID and the facts in Chinese first', () => {
    const m = reportMail(facts);
    expect(m.subject).toBe('卡若区智慧式用电安全管理月度报告（2026年11月） · CD-YB-20261201-0007');
    expect(m.messageId).toBe('<esms-report-delivery-42@esms.changdu>');
    expect(m.headers['X-Idempotency-Key']).toBe('esms-report-delivery-42');
    expect(m.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['a.pdf', 'application/pdf'],
      ['a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect(m.text).toContain('报告编号：CD-YB-20261201-0007');
    expect(m.text).toContain('签发：卡若区安委办（2026-12-01 08:00）');
    expect(m.text).toContain('查看 / View: https://esms.example/reports#deliveries');
    expect(m.text.indexOf('报告编号')).toBeLessThan(m.text.indexOf('Scheduled report'));
    expect(m.text).toContain('2 files attached');
  });
  it('without a public URL there is no link line and no double blank line', () => {
    const m = reportMail({ ...facts, link: null, files: facts.files.slice(0, 1) });
    expect(m.text).not.toContain('View:');
    expect(m.text).not.toMatch(/\n\n\n/);
    expect(m.text).toContain('1 file attached');
  });
});
