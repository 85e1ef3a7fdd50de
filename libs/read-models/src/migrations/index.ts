import { ReadModelsSchema1735776000000 } from './1735776000000-read-models-schema';
import { HandoverRoomForUpdates1764000000000 } from './1764000000000-handover-room-for-updates';
import { DutyLists1765000000000 } from './1765000000000-duty-lists';
import { Whistles1766000000000 } from './1766000000000-whistles';

export { ReadModelsSchema1735776000000, HandoverRoomForUpdates1764000000000, DutyLists1765000000000, Whistles1766000000000 };

/** The read tables' migrations, in order. */
export const readModelMigrations = [
  ReadModelsSchema1735776000000,
  HandoverRoomForUpdates1764000000000,
  DutyLists1765000000000,
  Whistles1766000000000,
];
