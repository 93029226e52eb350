import { describe, expect, it } from 'vitest';
import { checkCnameChain } from './cname-chain';
import { testReport } from './test-report';

describe('checkCnameChain', () => {
  it('names a loop as a loop, with the path, as an error', () => {
    const [finding] = checkCnameChain(testReport({ mxStatus: 'servfail', exchanges: [], cname: ['b.example.com', 'example.com'], cnameProblem: 'loop' }));
    expect(finding).toMatchObject({ code: 'cname-loop', severity: 'error' });
    expect(finding!.message).toMatch(/^example\.com is an alias \(CNAME\) chain that loops back on itself: example\.com → b\.example\.com → example\.com\./);
    expect(finding!.message).not.toMatch(/no MX/);
  });
  it('names an over-long chain, shortened in the sentence', () => {
    const cname = Array.from({ length: 16 }, (_, i) => `c${i + 1}.example.com`);
    const [finding] = checkCnameChain(testReport({ mxStatus: 'servfail', exchanges: [], cname, cnameProblem: 'too-long' }));
    expect(finding).toMatchObject({ code: 'cname-chain-too-long', severity: 'error' });
    expect(finding!.message).toContain(
      'more than 16 links (example.com → c1.example.com → c2.example.com → c3.example.com → … → c15.example.com → c16.example.com)',
    );
  });
  it('says nothing about a chain that ends', () => {
    expect(checkCnameChain(testReport({ cname: ['b.example.com'] }))).toEqual([]);
  });
});
