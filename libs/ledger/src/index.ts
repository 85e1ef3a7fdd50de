// @fangquan/ledger — the application layer of the aggregates: load, decide, append, with context and metadata.
export * from './ledger.types';
export * from './access';
export * from './stream-ids';
export * from './ledger-context';
export * from './history';
export * from './power-items.service';
export * from './catalogue-import';
export * from './duty-imports.service';
export * from './teams.service';
export * from './handovers.service';
export * from './vocabularies.service';
export * from './recall-requests.service';
export * from './task-admissions.service';
export * from './duties.service';
export * from './duty-lists.service';
export * from './whistles.service';
export * from './ledger.module';
export { EventStoreModule } from './event-store.provider';
