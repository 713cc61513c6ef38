import { useEffect, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import type { ReadingStats } from '../../shared/contract/stats-contract.ts';
import { api } from '../api/sift-client.ts';
import { countOf, formatCount } from '../format/format-count.ts';
import { digestSourceLabel } from '../triage/digest-label.ts';
import type { ChartTheme } from './UplotChart.tsx';
import { themedAxes, UplotChart } from './UplotChart.tsx';

const RANGES = [30, 90, 365] as const;

const seconds = (day: string) => Date.parse(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`) / 1000;

function lineOptions(names: string[], bars = false) {
  return (theme: ChartTheme): Omit<uPlot.Options, 'width' | 'height'> => ({
    scales: { x: { time: true } },
    axes: themedAxes(theme),
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      {},
      ...names.map((name, index) => ({
        label: name,
        stroke: theme.series[index % theme.series.length],
        width: 2,
        ...(bars ? { fill: `${theme.series[index % theme.series.length]}55` } : {}),
        points: { show: false },
      })),
    ],
  });
}

function Bars({ rows, label }: { rows: { label: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ul className="stats-bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.label}>
          <span className="stats-bars__label">{row.label}</span>
          <span className="stats-bars__bar"><span style={{ width: `${(row.count / max) * 100}%` }} /></span>
          <span className="stats-bars__count">{formatCount(row.count)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A picture of the reader's mornings: is the inbox winning, how much gets read, what gets kept. */
export function StatsView({ revision, onClose }: { revision: number; onClose: () => void }) {
  const [days, setDays] = useState<(typeof RANGES)[number]>(90);
  const [stats, setStats] = useState<ReadingStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api.getReadingStats({ days }).then((result) => {
      if (!current) return;
      if (result.error) setError(result.error.message);
      else setStats(result.data);
    });
    return () => {
      current = false;
    };
  }, [days, revision]);

  const flow = useMemo<uPlot.AlignedData>(() => {
    const daily = stats?.daily ?? [];
    return [daily.map((day) => seconds(day.day)), daily.map((day) => day.arrived), daily.map((day) => day.triaged), daily.map((day) => day.inbox)];
  }, [stats]);
  const reads = useMemo<uPlot.AlignedData>(() => [(stats?.readPerWeek ?? []).map((week) => seconds(week.day)), (stats?.readPerWeek ?? []).map((week) => week.count)], [stats]);
  const tags = useMemo<uPlot.AlignedData>(() => [(stats?.tagsByMonth.months ?? []).map(seconds), ...(stats?.tagsByMonth.tags ?? []).map((tag) => tag.counts)], [stats]);
  const sources = useMemo<uPlot.AlignedData>(
    () => [(stats?.sourcesByMonth.months ?? []).map(seconds), ...(stats?.sourcesByMonth.sources ?? []).map((source) => source.counts)],
    [stats],
  );
  const flowOptions = useMemo(() => lineOptions(['arrived', 'triaged', 'inbox at day end']), []);
  const readOptions = useMemo(() => lineOptions(['read'], true), []);
  const tagNames = (stats?.tagsByMonth.tags ?? []).map((tag) => `#${tag.name}`).join('|');
  const sourceNames = (stats?.sourcesByMonth.sources ?? []).map((source) => digestSourceLabel({ format: source.name as never })).join('|');
  const tagOptions = useMemo(() => lineOptions(tagNames ? tagNames.split('|') : []), [tagNames]);
  const sourceOptions = useMemo(() => lineOptions(sourceNames ? sourceNames.split('|') : []), [sourceNames]);

  if (error) return <div className="stats"><p className="list-pane__note--error">{error}</p></div>;
  if (!stats) return <div className="stats" aria-busy="true" />;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const arrived = sum(stats.daily.map((day) => day.arrived));
  const triaged = sum(stats.daily.map((day) => day.triaged));
  const read = sum(stats.readPerWeek.map((week) => week.count));
  const inboxNow = stats.daily.at(-1)?.inbox ?? 0;

  return (
    <section className="stats" aria-label="Stats">
      <header className="stats__header">
        <h1>Your reading</h1>
        <div className="stats__ranges" role="group" aria-label="Period">
          {RANGES.map((range) => (
            <button key={range} type="button" className={`text-button${range === days ? ' is-on' : ''}`} aria-pressed={range === days} onClick={() => setDays(range)}>
              {range === 365 ? 'Year' : `${range} days`}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label="Close stats" title="Back to the papers (Esc)" onClick={onClose}>×</button>
      </header>
      <div className="stats__cards">
        <div className="stats-card" data-testid="stat-arrived"><b>{formatCount(arrived)}</b><span>arrived</span></div>
        <div className="stats-card" data-testid="stat-triaged"><b>{formatCount(triaged)}</b><span>triaged</span></div>
        <div className="stats-card" data-testid="stat-read"><b>{formatCount(read)}</b><span>read</span></div>
        <div className="stats-card" data-testid="stat-inbox"><b>{formatCount(inboxNow)}</b><span>in the inbox now</span></div>
        <div className="stats-card" data-testid="stat-streak"><b>{countOf(stats.inboxZero.current, 'day')}</b><span>of inbox zero (best {countOf(stats.inboxZero.longest, 'day')})</span></div>
      </div>
      <div className="stats__grid">
        <figure className="stats-figure stats-figure--wide">
          <figcaption>Arriving vs triaged, per day: is the inbox winning?</figcaption>
          <UplotChart label="Papers arriving and triaged per day" options={flowOptions} data={flow} height={220} />
        </figure>
        <figure className="stats-figure">
          <figcaption>Read per week</figcaption>
          <UplotChart label="Papers read per week" options={readOptions} data={reads} />
        </figure>
        <figure className="stats-figure">
          <figcaption>From arrival to read{stats.arrivalToRead.medianDays !== null && ` · median ${stats.arrivalToRead.medianDays} days`}</figcaption>
          <Bars rows={stats.arrivalToRead.buckets} label="Time from arrival to read" />
        </figure>
        <figure className="stats-figure">
          <figcaption>Tags, by month the papers arrived</figcaption>
          {stats.tagsByMonth.tags.length > 0 ? <UplotChart label="Tags over time" options={tagOptions} data={tags} /> : <p className="detail__muted">No tags yet: press l on a paper.</p>}
        </figure>
        <figure className="stats-figure">
          <figcaption>Papers per digest source, by month</figcaption>
          <UplotChart label="Digest sources over time" options={sourceOptions} data={sources} />
        </figure>
        <figure className="stats-figure">
          <figcaption>Title words of what you kept</figcaption>
          {stats.topWords.kept.length > 0 ? <Bars rows={stats.topWords.kept.map((entry) => ({ label: entry.word, count: entry.count }))} label="Words of kept papers" /> : <p className="detail__muted">Keep and skip a few more papers to see a pattern.</p>}
        </figure>
        <figure className="stats-figure">
          <figcaption>…and of what you skipped</figcaption>
          {stats.topWords.skipped.length > 0 ? <Bars rows={stats.topWords.skipped.map((entry) => ({ label: entry.word, count: entry.count }))} label="Words of skipped papers" /> : <p className="detail__muted">Nothing stands out yet.</p>}
        </figure>
      </div>
    </section>
  );
}
