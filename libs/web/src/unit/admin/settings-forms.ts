import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** The review run's working day as a form checks it (the REST DTO's messages name one range for all three rules). */
export class FollowUpSettingsForm {
  @IsInt()
  @Min(1)
  @Max(10)
  reviewRunWorkingDay!: number;

  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  reviewRunTime!: string;
}

/** The years the targets form offers: last year to three years ahead. */
export function targetYears(now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year - 1, year, year + 1, year + 2, year + 3];
}

/** A year's targets as a person types them: the clause share as a percentage (80 = 0.8), either left empty for no target. */
export class TargetsForm {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  clauseSharePercent?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  hiresUnderClauses?: number;
}

/** 80 (per cent) as the share 0.8 the targets keep, to the REST DTO's three decimals. */
export const shareOf = (percent: number | undefined): number | undefined => (percent === undefined ? undefined : Math.round(percent * 10) / 1000);
/** The share 0.805 as the percentage the form shows, "80,5" in Danish. */
export const percentOf = (share: number | null, lang: 'da' | 'en'): string =>
  share === null ? '' : String(Math.round(share * 1000) / 10).replace('.', lang === 'da' ? ',' : '.');

/** The months a manual review run offers: the twelve that have ended, the latest first (`2025-03`). */
export function endedPeriods(today: string, count = 12): string[] {
  const [year, month] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
