/**
 * How long until a card is due again, as a grade button says it: 10 分钟, 3 小时, 4 天, 2.5 个月,
 * 1.2 年 (and in English).
 *
 * @example
 * intervalText(10 * 60_000, 'zh-CN'); // → '10 分钟'
 * intervalText(4 * 86_400_000, 'en');  // → '4 d'
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function intervalText(ms: number, lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  const round = (x: number): string => (x < 10 ? String(Math.round(x * 10) / 10) : String(Math.round(x)));
  if (ms < HOUR) return zh ? `${Math.max(1, Math.round(ms / MINUTE))} 分钟` : `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return zh ? `${round(ms / HOUR)} 小时` : `${round(ms / HOUR)} h`;
  if (ms < 30 * DAY) return zh ? `${Math.round(ms / DAY)} 天` : `${Math.round(ms / DAY)} d`;
  if (ms < 365 * DAY) return zh ? `${round(ms / (30 * DAY))} 个月` : `${round(ms / (30 * DAY))} mo`;
  return zh ? `${round(ms / (365 * DAY))} 年` : `${round(ms / (365 * DAY))} y`;
}
