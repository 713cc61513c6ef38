import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartTheme {
  text: string;
  grid: string;
  series: string[];
}

/** Colours from the window's CSS variables, so charts follow the light and dark themes. */
export function chartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text-muted', '#6a6f76'),
    grid: read('--border', '#e3e1dc'),
    series: [read('--accent', '#3b6fd8'), read('--ok', '#2f8a4c'), read('--star', '#e0a100'), read('--danger', '#c2362b'), '#8e6bd8', '#2aa3a3', '#d86b9b', '#7b8794'],
  };
}

/**
 * One uPlot chart, sized to its box. uPlot draws on a canvas in a few milliseconds for thousands of points
 * and has no React dependency of its own, so it works with React 19 as a plain effect.
 */
export function UplotChart({ options, data, height = 200, label }: { options: (theme: ChartTheme, width: number) => Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: uPlot | null = null;
    const draw = () => {
      chart?.destroy();
      const width = Math.max(240, element.clientWidth);
      chart = new uPlot({ ...options(chartTheme(), width), width, height }, data, element);
    };
    draw();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(240, element.clientWidth), height }));
    resize.observe(element);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => {
      resize.disconnect();
      scheme.removeEventListener('change', draw);
      chart?.destroy();
    };
  }, [options, data, height]);
  return <div className="stats-chart" ref={box} role="img" aria-label={label} />;
}

/** Axes styled for the theme: muted labels, faint grid. */
export function themedAxes(theme: ChartTheme, yLabel?: string): uPlot.Axis[] {
  const axis = { stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
  return [axis, { ...axis, ...(yLabel ? { label: yLabel } : {}), size: 44 }];
}
