/** `<date>`/`<interval>` formatting: Java SimpleDateFormat (`jformat`) and C strftime (`format`) subsets via Intl. */

interface Parts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  ms: number;
  zone: string;
}

const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function zoneOk(timezone: string | undefined): string | undefined {
  if (!timezone) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return timezone;
  } catch {
    return undefined;
  }
}

function localeOk(locale: string | undefined): string {
  if (!locale) return "en-US";
  const tag = locale.replace(/_/g, "-");
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : "en-US";
  } catch {
    return "en-US";
  }
}

function parts(date: Date, timeZone: string | undefined): Parts {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    weekday: "short",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(date)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: weekdayIndex[p.weekday ?? "Sun"] ?? 0,
    ms: date.getUTCMilliseconds(),
    zone: p.timeZoneName ?? "UTC",
  };
}

function names(locale: string, kind: "month" | "weekday", width: "long" | "short"): string[] {
  const out: string[] = [];
  for (let i = 0; i < (kind === "month" ? 12 : 7); i++) {
    const d = kind === "month" ? new Date(Date.UTC(2021, i, 15)) : new Date(Date.UTC(2021, 7, 1 + i)); // 2021-08-01 is a Sunday
    out.push(new Intl.DateTimeFormat(locale, { timeZone: "UTC", [kind]: width }).format(d));
  }
  return out;
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** Java SimpleDateFormat letters; quoted text in single quotes. */
export function formatJava(date: Date, pattern: string, locale?: string, timezone?: string): string {
  const loc = localeOk(locale);
  const p = parts(date, zoneOk(timezone));
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] as string;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (c) {
      case "y":
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case "M":
        out +=
          n >= 4
            ? names(loc, "month", "long")[p.month - 1]
            : n === 3
              ? names(loc, "month", "short")[p.month - 1]
              : pad(p.month, n);
        break;
      case "d":
        out += pad(p.day, n);
        break;
      case "E":
        out += names(loc, "weekday", n >= 4 ? "long" : "short")[p.weekday];
        break;
      case "H":
        out += pad(p.hour, n);
        break;
      case "k":
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case "h":
        out += pad(h12, n);
        break;
      case "K":
        out += pad(p.hour % 12, n);
        break;
      case "m":
        out += pad(p.minute, n);
        break;
      case "s":
        out += pad(p.second, n);
        break;
      case "S":
        out += pad(p.ms, n);
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "z":
      case "Z":
      case "X":
        out += p.zone;
        break;
      case "D": {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.floor((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1, n);
        break;
      }
      case "u":
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      default:
        out += c.repeat(n);
    }
  }
  return out;
}

/** C strftime conversions (Pandorabots' `format`). */
export function formatStrftime(date: Date, pattern: string, locale?: string, timezone?: string): string {
  const loc = localeOk(locale);
  const p = parts(date, zoneOk(timezone));
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return pattern.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case "a":
        return names(loc, "weekday", "short")[p.weekday] as string;
      case "A":
        return names(loc, "weekday", "long")[p.weekday] as string;
      case "b":
      case "h":
        return names(loc, "month", "short")[p.month - 1] as string;
      case "B":
        return names(loc, "month", "long")[p.month - 1] as string;
      case "c":
        return formatJava(date, "EEE MMM dd HH:mm:ss yyyy", locale, timezone);
      case "d":
        return pad(p.day, 2);
      case "e":
        return String(p.day).padStart(2, " ");
      case "H":
        return pad(p.hour, 2);
      case "I":
        return pad(h12, 2);
      case "j":
        return formatJava(date, "DDD", locale, timezone);
      case "m":
        return pad(p.month, 2);
      case "M":
        return pad(p.minute, 2);
      case "p":
        return p.hour < 12 ? "AM" : "PM";
      case "S":
        return pad(p.second, 2);
      case "w":
        return String(p.weekday);
      case "x":
        return `${pad(p.month, 2)}/${pad(p.day, 2)}/${pad(p.year % 100, 2)}`;
      case "X":
        return `${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
      case "y":
        return pad(p.year % 100, 2);
      case "Y":
        return String(p.year);
      case "Z":
        return p.zone;
      case "%":
        return "%";
      default:
        return `%${c}`;
    }
  });
}

export const javaDefaultDateFormat = "EEE MMM dd HH:mm:ss zzz yyyy";

/** Whole units between two dates (Joda-style), or "unknown" when a date does not parse. */
export function intervalBetween(fromText: string, toText: string, style: string): string {
  const from = Date.parse(fromText);
  const to = Date.parse(toText);
  if (Number.isNaN(from) || Number.isNaN(to)) return "unknown";
  const a = new Date(from);
  const b = new Date(to);
  const months = (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth());
  const adjust =
    b.getDate() < a.getDate() ||
    (b.getDate() === a.getDate() && b.getTime() % 86400000 < a.getTime() % 86400000);
  const wholeMonths = adjust && months > 0 ? months - 1 : months;
  switch (style) {
    case "years":
      return String(Math.trunc(wholeMonths / 12));
    case "months":
      return String(wholeMonths);
    case "days":
      return String(Math.trunc((to - from) / 86400000));
    case "hours":
      return String(Math.trunc((to - from) / 3600000));
    case "minutes":
      return String(Math.trunc((to - from) / 60000));
    case "seconds":
      return String(Math.trunc((to - from) / 1000));
    default:
      return "unknown";
  }
}
