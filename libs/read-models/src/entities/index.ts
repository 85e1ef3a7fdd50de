import { DutyListPublicationView } from './duty-list-publication-view.entity';
import { DutyView } from './duty-view.entity';
import { HandoverView } from './handover-view.entity';
import { PowerItemView } from './power-item-view.entity';
import { TeamView } from './team-view.entity';
import { WhistleView } from './whistle-view.entity';

export { DutyListPublicationView, DutyView, HandoverView, PowerItemView, TeamView, WhistleView };

/** The read tables' entities, for `applicationSchema` and TypeOrmModule.forFeature. */
export const readModelEntities = [PowerItemView, TeamView, HandoverView, DutyView, DutyListPublicationView, WhistleView];

/** The read tables, in a stable order (rebuild, dumps). */
export const READ_TABLES = ['power_items', 'teams', 'handovers'] as const;

/** The duty catalogue's and the duty lists' read tables (kept apart: the readiness tables' specs compare READ_TABLES whole). */
export const DUTY_READ_TABLES = ['duties', 'duty_list_publications'] as const;

/** The whistles' read table (kept apart like the duty tables). */
export const WHISTLE_READ_TABLES = ['whistles'] as const;
