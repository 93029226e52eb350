/** Stable orders for facts: text by code unit (not locale, so every machine sorts alike), addresses IPv4 first, then numerically. */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ipKey(ip: string): string {
  if (!ip.includes(':'))
    return `4${ip
      .split('.')
      .map((part) => part.padStart(3, '0'))
      .join('.')}`;
  return `6${ip}`;
}

export function compareIp(a: string, b: string): number {
  return compareText(ipKey(a), ipKey(b));
}
