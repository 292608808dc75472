import { trustProxySetting } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 2001:db8::/32,uniquelocal', ['10.0.0.0/8', '2001:db8::/32', 'uniquelocal']],
  ])('%j → %j', (value, setting) => {
    expect(trustProxySetting(value)).toEqual(setting);
  });

  it('refuses `true` (any client could choose its own address) and anything that is not an address', () => {
    expect(() => trustProxySetting('true')).toThrow(/hop count/);
    expect(() => trustProxySetting('loopback,proxy.internal')).toThrow(/"proxy.internal"/);
  });
});
