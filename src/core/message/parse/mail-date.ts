/**
 * Dates in mail headers (Date:, the end of each Received): RFC 5322 §3.3 date-time, and the
 * obsolete forms of §4.3 that real servers still write: no day of week, two- and three-digit
 * years, named zones, no seconds, a trailing "(UTC)" comment, extra spaces. Also the asctime
 * order ("Mon Dec  7 13:05:00 2026") a few local mailers stamp. Reading is by tokens, not by one
 * large regular expression, so any input costs linear time.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * RFC 5322 §4.3 obs-zone, in minutes east of UTC. "UTC" and "Z" are not in it but are common
 * and unambiguous.
 */
const NAMED_ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** A date-time is short; anything past this is not one (and is not worth scanning). */
const MAX_LENGTH = 200;

/** Milliseconds since the epoch, or null when `text` is not a date this reader trusts. */
export function parseMailDate(text: string): number | null {
  const tokens = withoutComments(text.slice(0, MAX_LENGTH * 4))
    .slice(0, MAX_LENGTH)
    .split(/[\s,]+/)
    .filter((token) => token !== '');
  // RFC 5322 §3.3: the day of week is optional, and is not checked against the date.
  if (tokens[0] !== undefined && DAYS.includes(tokens[0].slice(0, 3).toLowerCase()) && /^[a-z]+\.?$/i.test(tokens[0])) tokens.shift();
  const dashed = /^(\d{1,2})-([a-z]{3,9})-(\d{2,4})$/i.exec(tokens[0] ?? ''); // "01-Apr-2026", seen from some gateways
  if (dashed) tokens.splice(0, 1, dashed[1]!, dashed[2]!, dashed[3]!);

  let day: string | undefined, month: string | undefined, year: string | undefined, time: string | undefined, rest: string[];
  if (/^\d/.test(tokens[0] ?? ''))
    [day, month, year, time, ...rest] = tokens; // RFC 5322 order
  else [month, day, time, year, ...rest] = tokens; // asctime order: "Dec 7 13:05:00 2026"
  if (day === undefined || month === undefined || year === undefined || time === undefined) return null;

  const monthIndex = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/.exec(time);
  if (monthIndex < 0 || !/^[a-z]{3,9}\.?$/i.test(month) || !/^\d{1,2}$/.test(day) || !/^\d{2,4}$/.test(year) || !clock) return null;
  const offset = zoneMinutes(rest);
  if (offset === null) return null;

  const fullYear = obsoleteYear(year);
  const [hour, minute, second] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
  // Impossible fields make the date unreadable, never "rolled over" into another one. Second
  // 60 is a leap second; years start at 1900 (RFC 5322 §3.3).
  if (fullYear < 1900 || hour > 23 || minute > 59 || second > 60 || Number(day) < 1 || Number(day) > daysIn(fullYear, monthIndex)) return null;
  return Date.UTC(fullYear, monthIndex, Number(day), hour, minute, second) - offset * 60_000;
}

/**
 * RFC 5322 §4.3: a two-digit year below 50 is 20xx, otherwise 19xx; a three-digit year is
 * added to 1900 (a Y2K bug wrote 2026 as "126").
 */
function obsoleteYear(year: string): number {
  const value = Number(year);
  if (year.length === 2) return value < 50 ? 2000 + value : 1900 + value;
  if (year.length === 3) return 1900 + value;
  return value;
}

/**
 * The zone in minutes east of UTC, from what follows the time; null when unreadable. No zone,
 * "-0000" and the military letters mean "local time unknown" (RFC 5322 §3.3, §4.3: the letters
 * were defined with the wrong sign, so they carry no information); they are read as UTC.
 * A numeric zone may be followed by its name ("+0200 CEST"), which adds nothing.
 */
function zoneMinutes(rest: string[]): number | null {
  const [zone, ...after] = rest;
  if (zone === undefined) return 0;
  if (after.some((token) => !/^[a-z]{1,5}$/i.test(token))) return null;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const [hours, minutes] = [Number(numeric[2]), Number(numeric[3])];
    if (hours > 23 || minutes > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if (after.length > 0) return null;
  const named = NAMED_ZONES[zone.toLowerCase()];
  if (named !== undefined && Object.hasOwn(NAMED_ZONES, zone.toLowerCase())) return named;
  if (/^[a-ik-z]$/i.test(zone)) return 0; // military zones, J excluded (RFC 5322 §4.3)
  return null;
}

function daysIn(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The text without its comments, nested ones included (RFC 5322 §3.2.2), in one pass. */
function withoutComments(text: string): string {
  let result = '';
  let depth = 0;
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && depth > 0) index++;
    else if (char === '(') {
      if (depth++ === 0) result += text.slice(from, index) + ' ';
    } else if (char === ')' && depth > 0 && --depth === 0) from = index + 1;
  }
  return depth > 0 ? result : result + text.slice(from);
}
