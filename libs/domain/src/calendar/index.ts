export * from './danish-holidays';
export { copenhagenDateOf, copenhagenInstant, type LocalDate, plusDays, weekdayOf } from './local-date';
export * from './working-days';
