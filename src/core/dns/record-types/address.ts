/** A and AAAA share their readers: an address, canonical as `parseIp` writes it. */
import { parseIp } from '../../ip/parse-ip';

export const addressText = (data: unknown): string => String(data);
export const jsonAddress = (data: string): string => data.trim();
export const canonicalAddress = (data: string): string => parseIp(data)?.ip ?? data;
