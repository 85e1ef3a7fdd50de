import { testServices } from './test-services';

export default async function globalTeardown(): Promise<void> {
  for (const stop of testServices.stoppers.reverse()) await stop().catch((e: unknown) => console.error('teardown:', e));
  testServices.stoppers.length = 0;
}
