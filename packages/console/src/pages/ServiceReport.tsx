import { useState } from 'preact/hooks';
import type { ServiceWeek } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { PageHeading } from '../components/PageHeading';
import { ScrollingTable } from '../components/ScrollingTable';
import { formatDate } from '../format';
import { formatDurationFigure, isQuietReport } from '../service-format';
import { admin } from '../store';
import { formatAverage } from '../survey-format';
import { useRemote } from '../use-remote';

/** The ranges a teammate can pick, in weeks. */
const RANGES = [4, 8, 12, 26, 52];

/**
 * `#/projects/:id/service`: how fast and how well the team answers, week by week (UTC weeks
 * from Monday): median time to the first reply and to resolution, resolution CSAT and the
 * detractors recovered. One accessible table; it scrolls sideways on a narrow screen.
 */
export function ServiceReport({ projectId }: { projectId: string }) {
  const [weeks, setWeeks] = useState(8);
  const { remote, reload } = useRemote(
    () => admin(projectId).serviceReport(weeks),
    [projectId, weeks],
  );
  return (
    <>
      <PageHeading>Service</PageHeading>
      <p class="hint">
        Weeks run Monday to Sunday in UTC; the current week is the last row and is still counting.
        Each figure counts what happened that week.
      </p>
      <div class="field">
        <label for="service-weeks">Show</label>
        <select
          id="service-weeks"
          value={String(weeks)}
          onChange={(event) => setWeeks(Number(event.currentTarget.value))}
        >
          {RANGES.map((count) => (
            <option key={count} value={String(count)}>
              Last {count} weeks
            </option>
          ))}
        </select>
      </div>
      <Async remote={remote} what="the service report" retry={reload}>
        {(report) =>
          isQuietReport(report.weeks) ? (
            <Empty>
              <p>
                Nothing to report in these weeks yet. Figures appear as the team replies to and
                resolves feedback, and as customers answer “Did we solve this?” in the widget.
              </p>
            </Empty>
          ) : (
            <ServiceTable weeks={report.weeks} />
          )
        }
      </Async>
    </>
  );
}

function ServiceTable({ weeks }: { weeks: ServiceWeek[] }) {
  const caption = 'Service by week';
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col">Median first reply</th>
          <th scope="col">Median resolution</th>
          <th scope="col">Resolution CSAT</th>
          <th scope="col">Rated 4–5</th>
          <th scope="col">Detractors recovered</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.start}>
            <th scope="row">
              <time dateTime={week.start}>{formatDate(week.start)}</time>
            </th>
            <td>{formatDurationFigure(week.firstReply)}</td>
            <td>{formatDurationFigure(week.resolution)}</td>
            <td>
              {week.csat.responses === 0
                ? '—'
                : `${formatAverage(week.csat.average)} (${week.csat.responses} ${
                    week.csat.responses === 1 ? 'answer' : 'answers'
                  })`}
            </td>
            <td>
              {week.csat.satisfiedPercent === null
                ? '—'
                : `${week.csat.satisfiedPercent} % (${week.csat.satisfied})`}
            </td>
            <td>
              {week.detractors.followedUp === 0
                ? '—'
                : `${week.detractors.recovered} of ${week.detractors.followedUp}`}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
