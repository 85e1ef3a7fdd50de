export * from './calendar-file';
export * from './time-zone';
export * from './working-hours';
export * from './work-calendar';
export * from './working-limit';
export * from './china-calendar';
