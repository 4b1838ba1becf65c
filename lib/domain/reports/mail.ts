/** The e-mail that carries a scheduled report, pure: subject, text (zh-CN first, then English) and attachments. */
import { bjTime } from './format.ts';

export interface ReportMailFacts {
  deliveryId: number;
  title: string;
  reportNo: string;
  regionLabel: string;
  issuedByName: string;
  issuedAt: Date;
  files: { filename: string; mime: string; data: Buffer }[];
  /** absolute link to the portal's reports page, when NOTIFY_PUBLIC_URL is set */
  link: string | null;
}

export function reportMail(f: ReportMailFacts) {
  const key = `esms-report-delivery-${f.deliveryId}`;
  const names = f.files.map((x) => x.filename).join('、');
  const text = [
    f.title,
    '',
    `报告编号：${f.reportNo}`,
    `报告范围：${f.regionLabel}`,
    `签发：${f.issuedByName}（${bjTime(f.issuedAt)}）`,
    `附件：${names}`,
    '',
    '本邮件由平台定时推送自动发送，报告同时存档于平台“报告”页。',
    f.link ? `查看 / View: ${f.link}` : '',
    '',
    `Scheduled report ${f.reportNo} (${f.files.length} file${f.files.length === 1 ? '' : 's'} attached), also kept in the portal's report archive.`,
  ]
    .filter((l, i, a) => l !== '' || a[i - 1] !== '')
    .join('\n');
  return {
    subject: `${f.title} · ${f.reportNo}`,
    text: `${text}\n`,
    messageId: `<${key}@esms.changdu>`,
    headers: { 'X-Idempotency-Key': key },
    attachments: f.files.map((x) => ({ filename: x.filename, content: x.data, contentType: x.mime })),
  };
}
