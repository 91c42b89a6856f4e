/**
 * Progress over time for the coordinator page's chart: at the end of each of the last weeks, how
 * many plan parts had been written (across all platforms) and how many platforms had made their
 * keuze. Cumulative, from the first moment each happened; pure, so the chart and its table agree.
 */
export interface WeekPoint {
  /** The end of the week (the moment the counts hold). */
  at: Date;
  partsWritten: number;
  platformsChosen: number;
}

export interface ProgressEvents {
  /** When each plan part first got an answer (one per platform and part). */
  partsWritten: readonly Date[];
  /** When each platform first recorded a keuze. */
  firstChoices: readonly Date[];
}

const WEEK_MS = 7 * 86_400_000;

export function weeklyProgress(events: ProgressEvents, now: Date, weeks = 12): WeekPoint[] {
  const countUntil = (dates: readonly Date[], at: Date) => dates.filter((d) => d.getTime() <= at.getTime()).length;
  const points: WeekPoint[] = [];
  for (let k = weeks - 1; k >= 0; k--) {
    const at = new Date(now.getTime() - k * WEEK_MS);
    points.push({ at, partsWritten: countUntil(events.partsWritten, at), platformsChosen: countUntil(events.firstChoices, at) });
  }
  return points;
}
