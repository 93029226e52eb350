/**
 * A delay or a total time of a message's route in words, one formatter for the findings, the
 * CLI and message.html, so the three say the same time the same way.
 */

/** `4 s`, `3 min 10 s`, `2 h 5 min`, `1 d 3 h`; a negative delay keeps its sign (clocks that disagree). */
export function durationWords(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  let left = Math.round(Math.abs(seconds));
  const days = Math.floor(left / 86_400);
  left -= days * 86_400;
  const hours = Math.floor(left / 3600);
  left -= hours * 3600;
  const minutes = Math.floor(left / 60);
  const secs = left - minutes * 60;
  const parts =
    days > 0
      ? [`${days} d`, hours > 0 ? `${hours} h` : '']
      : hours > 0
        ? [`${hours} h`, minutes > 0 ? `${minutes} min` : '']
        : minutes > 0
          ? [`${minutes} min`, secs > 0 ? `${secs} s` : '']
          : [`${secs} s`];
  return sign + parts.filter(Boolean).join(' ');
}
