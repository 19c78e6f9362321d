import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Check, Optional } from '../validation';
import { intervalProblems } from './interval-rules';

export class IntervalDto {
  /** Start hour, 0-23 (24-hour clock). */
  @IsInt() @Min(0) @Max(23) startHour!: number;
  /** Start minute, 0-59. */
  @IsInt() @Min(0) @Max(59) startMinute!: number;
  /** End hour, 0-23. An interval ending at 23:59 runs to the end of the day. */
  @IsInt() @Min(0) @Max(23) endHour!: number;
  /** End minute, 0-59. */
  @IsInt() @Min(0) @Max(59) endMinute!: number;
}

const intervalsOk = (value: unknown) => intervalProblems(value).length === 0;
const intervalsMessage = (value: unknown) => intervalProblems(value).join('; ');

/** Days listed twice in a working-hours array. */
export function duplicateDays(days: unknown): number[] {
  if (!Array.isArray(days)) return [];
  const seen = new Set<unknown>();
  const dups = new Set<number>();
  for (const day of days) {
    const d = (day as { dayOfTheWeek?: unknown } | null)?.dayOfTheWeek;
    if (typeof d !== 'number') continue;
    if (seen.has(d)) dups.add(d);
    seen.add(d);
  }
  return [...dups];
}

export const noDuplicateDays = (value: unknown) => duplicateDays(value).length === 0;
export const duplicateDaysMessage = (property: string) => (value: unknown) =>
  `${property} lists dayOfTheWeek ${duplicateDays(value).join(', ')} more than once`;

/**
 * A day of the Conversation AI follow-up working hours (seed 000): `dayOfTheWeek` 0 = Sunday,
 * 1 = Monday ... 6 = Saturday. A day that is not listed, or has no intervals, is closed.
 */
export class FollowupWorkingDayDto {
  @IsInt() @Min(0) @Max(6) dayOfTheWeek!: number;

  @Optional()
  @IsArray()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => IntervalDto)
  @Check(intervalsOk, intervalsMessage)
  intervals?: IntervalDto[];
}

/**
 * A day of the Voice AI agent working hours (seed 002): `dayOfTheWeek` 1 = Monday ... 7 = Sunday
 * (ISO), not the follow-up convention.
 */
export class VoiceWorkingDayDto {
  @IsInt() @Min(1) @Max(7) dayOfTheWeek!: number;

  @IsArray()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => IntervalDto)
  @Check(intervalsOk, intervalsMessage)
  intervals!: IntervalDto[];
}
