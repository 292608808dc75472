import { useEffect, useState } from 'react';

function span(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${seconds.toString().padStart(2, '0')} s`;
}

/** Time left to a deadline, ticking every second; overdue shows in red with how long ago it passed. */
export function Countdown({ deadline }: { deadline: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) return <span className="app-countdown--overdue">Overdue by {span(left)}</span>;
  return <span>{span(left)} left</span>;
}
