export * from './meeting-pack';
export { MeetingPackService } from './meeting-pack.service';
export { writeMeetingPackCsv } from './meeting-pack.csv';
export { writeMeetingPackXlsx } from './meeting-pack.xlsx';
