/** `npm run bench`: every benchmark of the repository, one after the other. */
import { main as eventStoreBench } from './event-store.bench';

async function main(): Promise<void> {
  await eventStoreBench();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
