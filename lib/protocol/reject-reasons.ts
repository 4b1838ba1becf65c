/**
 * Why a message was quarantined. Universal (the admin page shows these); one code per failed check, in the
 * order the validator applies them, so a message is counted under its first failure only.
 */
export const REJECT_REASONS = [
  'bad_topic',
  'oversized',
  'invalid_utf8',
  'malformed_json',
  'unknown_device',
  'unsupported_version',
  'wrong_type',
  'unknown_field',
  'out_of_range',
  'invalid',
  'topic_mismatch',
  'ts_future',
  'ts_past',
  'unknown_channel',
  'duplicate_channel',
  'db_rejected',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REASON_INFO: Record<RejectReason, { zh: string; en: string }> = {
  bad_topic: { zh: '主题不符合协议', en: 'topic is not a v1 device topic' },
  oversized: { zh: '报文过大（>16 KiB）', en: 'payload larger than 16 KiB' },
  invalid_utf8: { zh: '非法 UTF-8', en: 'invalid UTF-8' },
  malformed_json: { zh: 'JSON 格式错误', en: 'malformed JSON' },
  unknown_device: { zh: '未登记设备', en: 'unknown device' },
  unsupported_version: { zh: '协议版本不支持', en: 'unsupported protocol version' },
  wrong_type: { zh: '字段类型错误', en: 'wrong field type' },
  unknown_field: { zh: '未知字段', en: 'unknown field' },
  out_of_range: { zh: '数值超出范围', en: 'value out of range' },
  invalid: { zh: '报文无效', en: 'invalid message' },
  topic_mismatch: { zh: '主题与报文（或登记信息）不一致', en: 'topic and payload/registry disagree' },
  ts_future: { zh: '时间戳超前', en: 'timestamp too far in the future' },
  ts_past: { zh: '时间戳过旧', en: 'timestamp too far in the past' },
  unknown_channel: { zh: '未登记回路', en: 'unknown channel' },
  duplicate_channel: { zh: '回路重复', en: 'channel listed twice' },
  db_rejected: { zh: '数据库拒绝', en: 'refused by the database' },
};
