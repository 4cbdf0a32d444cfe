// A minimal, dependency-free SVG line chart for rollup series.

export interface Point {
  t: number;
  v: number;
}

export interface Scale {
  min: number;
  max: number;
}

export function scale(points: Point[]): Scale {
  if (points.length === 0) {
    return { min: 0, max: 1 };
  }
  let min = Math.min(...points.map((p) => p.v));
  let max = Math.max(...points.map((p) => p.v));
  if (min === max) {
    min -= 1;
    max += 1;
  }
  return { min, max };
}

/** SVG path data for points in a width × height box (time on x, value on y, y up). */
export function pathData(points: Point[], width: number, height: number): string {
  if (points.length === 0) {
    return '';
  }
  const t0 = points[0].t;
  const t1 = points[points.length - 1].t;
  const span = t1 - t0 || 1;
  const { min, max } = scale(points);
  return points
    .map((p, i) => {
      const x = ((p.t - t0) / span) * width;
      const y = height - ((p.v - min) / (max - min)) * height;
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function lineChart(title: string, unit: string, points: Point[]): string {
  const width = 320;
  const height = 100;
  if (points.length === 0) {
    return `<figure class="chart"><figcaption>${title}</figcaption><p class="empty">No data in this period.</p></figure>`;
  }
  const { min, max } = scale(points);
  const last = points[points.length - 1].v;
  return `<figure class="chart"><figcaption>${title}: last ${last.toFixed(1)} ${unit}</figcaption>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}, from ${min.toFixed(1)} to ${max.toFixed(1)} ${unit}">
      <path d="${pathData(points, width, height)}" fill="none" stroke="currentColor" stroke-width="2"/>
    </svg>
    <div class="chart-axis"><span>${min.toFixed(1)}</span><span>${max.toFixed(1)} ${unit}</span></div></figure>`;
}
