import { HandoverView } from './handover-view.entity';
import { PowerItemView } from './power-item-view.entity';
import { TeamView } from './team-view.entity';

export { HandoverView, PowerItemView, TeamView };

/** The read tables' entities, for `applicationSchema` and TypeOrmModule.forFeature. */
export const readModelEntities = [PowerItemView, TeamView, HandoverView];

/** The read tables, in a stable order (rebuild, dumps). */
export const READ_TABLES = ['power_items', 'teams', 'handovers'] as const;
