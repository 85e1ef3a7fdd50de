import { ConfigError, loadAppConfig } from './app-config';

describe('TRUST_PROXY', () => {
  const trustProxy = (value: string | undefined) => loadAppConfig({ TRUST_PROXY: value }).trustProxy;

  it('trusts no proxy unless told', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('takes a hop count, or addresses, subnets and the named ranges', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('loopback, 10.0.0.0/8 ,fd00::/8')).toBe('loopback,10.0.0.0/8,fd00::/8');
  });

  it('stops the start on anything else, naming the variable', () => {
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1', 'true']) expect(() => trustProxy(bad)).toThrow(ConfigError);
    expect(() => trustProxy('everyone')).toThrow(/TRUST_PROXY/);
  });
});
