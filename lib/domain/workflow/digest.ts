/** What a 抄告 digest holds for one supervising user and period (computed by the notify worker, shown in /records). */
export interface DigestContent {
  periodStart: string;
  periodEnd: string;
  newHazards: number;
  open: number;
  overdue: number;
  closed: number;
  alarms: number;
  falseAlarms: number;
  falseRate: number;
  topSites: { id: string; name: string; alarms: number; openHazards: number }[];
}
