/** Samples the process's resident memory every 25 ms; `stop()` returns the peak in MB. */
export function trackPeakRss(): { stop: () => number; reset: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    reset: () => {
      peak = process.memoryUsage().rss;
    },
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 1024 / 1024);
    },
  };
}
