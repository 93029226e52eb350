import { describe, expect, it } from 'vitest';
import { byteString } from '../parse/byte-string';
import { readMessage } from '../parse/read-message';
import { buildHops } from './hops';

const message = (...received: string[]) => readMessage(byteString(`${received.map((value) => `Received: ${value}\r\n`).join('')}From: a@example.com\r\n\r\n`));

// Top first, as in a message: the receiver's own field on top, the origin at the bottom.
const INBOUND = 'from mail.example.com (mail.example.com [203.0.113.9]) by mx.example.net (Postfix) with ESMTPS id A1; Mon, 7 Dec 2026 13:05:30 +0000';
const SUBMISSION = 'from laptop.local (unknown [192.168.1.20]) by mail.example.com (Postfix) with ESMTPSA id B2; Mon, 7 Dec 2026 13:05:00 +0000';

describe('buildHops: the route in delivery order', () => {
  it('puts the bottom Received first and gives each hop its delay', () => {
    const route = buildHops(message(INBOUND, SUBMISSION));
    expect(route.hops.map((hop) => hop.by)).toEqual(['mail.example.com', 'mx.example.net']);
    expect(route.hops[0]).toMatchObject({
      from: 'laptop.local',
      ip: '192.168.1.20',
      with: 'ESMTPSA',
      tls: true,
      at: '2026-12-07T13:05:00.000Z',
      delaySeconds: null,
    });
    expect(route.hops[1]).toMatchObject({ from: 'mail.example.com', ip: '203.0.113.9', at: '2026-12-07T13:05:30.000Z', delaySeconds: 30, flags: [] });
    expect(route.totalSeconds).toBe(30);
    expect(route.notes).toEqual([]);
  });

  it('keeps the field as display text', () => {
    const route = buildHops(message('from =?utf-8?Q?caf=C3=A9?= by mx.example.net; Mon, 7 Dec 2026 13:05:00 +0000'));
    expect(route.hops[0]!.text).toBe('from café by mx.example.net; Mon, 7 Dec 2026 13:05:00 +0000');
  });

  it('flags a private sending address', () => {
    expect(buildHops(message(INBOUND, SUBMISSION)).hops[0]!.flags).toEqual(['private-ip']);
  });

  it('does not flag documentation addresses as private', () => {
    expect(buildHops(message(INBOUND)).hops[0]!.flags).not.toContain('private-ip');
  });

  it('flags a hop of two minutes or more as slow (greylisting or a queue)', () => {
    const later = INBOUND.replace('13:05:30', '13:12:00');
    expect(buildHops(message(later, SUBMISSION)).hops[1]).toMatchObject({ delaySeconds: 420, flags: ['slow'] });
  });

  it('flags clocks that disagree by more than a minute, and tolerates a few seconds back', () => {
    const early = INBOUND.replace('13:05:30', '13:03:00');
    expect(buildHops(message(early, SUBMISSION)).hops[1]).toMatchObject({ delaySeconds: -120, flags: ['clock-skew'] });
    const slightly = INBOUND.replace('13:05:30', '13:04:55');
    expect(buildHops(message(slightly, SUBMISSION)).hops[1]).toMatchObject({ delaySeconds: -5, flags: [] });
  });

  it('flags plain SMTP between servers, but not a local hand-over', () => {
    const plain = INBOUND.replace('ESMTPS', 'ESMTP');
    expect(buildHops(message(plain)).hops[0]!.flags).toEqual(['no-tls']);
    const local = 'by mx.example.net with SMTP id C3; Mon, 7 Dec 2026 13:05:00 +0000';
    expect(buildHops(message(local)).hops[0]!.flags).toEqual([]);
  });

  it('flags a hop without a readable date and measures the next delay from the last hop with one', () => {
    const undated = 'from relay.example.com (relay.example.com [198.51.100.2]) by mail2.example.com with ESMTPS id D4; sometime';
    const route = buildHops(message(INBOUND, undated, SUBMISSION));
    expect(route.hops[1]).toMatchObject({ at: null, delaySeconds: null, flags: ['unparsed-date'] });
    expect(route.hops[2]!.delaySeconds).toBe(30);
    expect(route.totalSeconds).toBe(30);
  });

  it('has no total with fewer than two times', () => {
    expect(buildHops(message(INBOUND)).totalSeconds).toBeNull();
    expect(buildHops(message()).hops).toEqual([]);
  });
});

describe('buildHops: bounded', () => {
  it('reads the topmost Received lines of a mail loop and says how many it skipped', () => {
    const loop = Array.from(
      { length: 5000 },
      (_, index) => `from a${index}.example (a [203.0.113.9]) by b${index}.example with ESMTPS; Mon, 7 Dec 2026 13:05:00 +0000`,
    );
    const route = buildHops(message(...loop));
    expect(route.hops).toHaveLength(500);
    expect(route.hops.at(-1)!.by).toBe('b0.example');
    expect(route.notes).toEqual([
      'The message has 5,000 Received lines; MXray reads the last 500 added (the top ones) and skips the first 4,500. A real message has a few dozen: this is a mail loop or a crafted message.',
    ]);
  });

  it('takes a smaller limit', () => {
    expect(buildHops(message(INBOUND, SUBMISSION), { maxHops: 1 }).hops.map((hop) => hop.by)).toEqual(['mx.example.net']);
  });

  it('cuts a 1 MB Received line and finishes fast', () => {
    const huge = `from a.example (a.example [192.0.2.1]) by b.example (${'(x '.repeat(300_000)}); Mon, 7 Dec 2026 13:05:00 +0000`;
    const started = performance.now();
    const route = buildHops(message(huge));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(route.hops[0]).toMatchObject({ ip: '192.0.2.1', at: '2026-12-07T13:05:00.000Z' });
    expect(route.hops[0]!.text.length).toBeLessThanOrEqual(4097);
    expect(route.notes[0]).toContain('longer than 4 KB');
  });
});
