/** `npm run bench`: every benchmark of the repository, one after the other (the HTTP one runs the build). */
import { main as eventStoreBench } from './event-store.bench';
import { main as evaluationBench } from './evaluation.bench';
import { main as httpBench } from './http.bench';
import { main as plannerBench } from './planner.bench';
import { main as publicDutyListBench } from './public-duty-list.bench';
import { main as importBench } from './import.bench';
import { main as remindersBench } from './reminders.bench';
import { main as webBundleBench } from './web-bundle.bench';
import { main as whistlesBench } from './whistles.bench';

async function main(): Promise<void> {
  await eventStoreBench();
  await httpBench();
  await publicDutyListBench();
  await importBench();
  await remindersBench();
  await whistlesBench();
  await plannerBench();
  await evaluationBench();
  await webBundleBench();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
