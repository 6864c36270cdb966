export * from './danish-holidays';
export { copenhagenDateOf, type LocalDate, plusDays, weekdayOf } from './local-date';
export * from './working-days';
